package io.bankflow.avroserde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: byte 0 is the magic byte {@code 0}, bytes 1-4 the schema id as a big-endian signed 32-bit
 * integer, the rest the Avro binary encoding of the record (no Avro container header, no schema).
 */
public final class ConfluentWireFormat {

    /** The only magic byte defined so far. */
    public static final byte MAGIC_BYTE = 0;

    /** Magic byte plus schema id. */
    public static final int HEADER_SIZE = 5;

    private ConfluentWireFormat() {}

    /** Writes the 5-byte header for {@code schemaId} at the current position of {@code buffer}. */
    static void writeHeader(ByteBuffer buffer, int schemaId) {
        buffer.put(MAGIC_BYTE).putInt(schemaId);
    }

    /**
     * The schema id in a framed message.
     *
     * @throws SerializationException if the payload is too short or does not start with the magic byte
     */
    public static int schemaId(byte[] payload, String topic) {
        if (payload.length < HEADER_SIZE) {
            throw new SerializationException("Cannot deserialize a message on topic " + topic + ": it is "
                    + payload.length + " bytes long, but the Confluent wire format needs at least " + HEADER_SIZE
                    + " (magic byte 0 and a 4-byte schema id)");
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new SerializationException("Cannot deserialize a message on topic " + topic + ": unknown magic byte "
                    + String.format("0x%02x", payload[0] & 0xff)
                    + ", expected 0x00 (not written in the Confluent wire format: a different serializer,"
                    + " or plain JSON/text on an Avro topic?)");
        }
        return ByteBuffer.wrap(payload, 1, 4).getInt();
    }
}
