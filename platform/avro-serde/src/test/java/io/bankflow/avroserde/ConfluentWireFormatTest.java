package io.bankflow.avroserde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The 5-byte frame around the Avro binary, with bytes written out by hand. */
class ConfluentWireFormatTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    @Test
    void writesTheMagicByteThenTheSchemaIdBigEndian() {
        ByteBuffer header = ByteBuffer.allocate(ConfluentWireFormat.HEADER_SIZE);

        ConfluentWireFormat.writeHeader(header, 0x01020304);

        assertThat(HEX.formatHex(header.array())).isEqualTo("00 01 02 03 04");
    }

    @Test
    void readsTheSchemaIdFromBytesOneToFourAsABigEndianSignedInteger() {
        assertThat(ConfluentWireFormat.schemaId(HEX.parseHex("00 01 02 03 04 81 01"), "pings"))
                .isEqualTo(0x01020304);
        assertThat(ConfluentWireFormat.schemaId(HEX.parseHex("00 7f ff ff ff"), "pings"))
                .isEqualTo(Integer.MAX_VALUE);
        assertThat(ConfluentWireFormat.schemaId(HEX.parseHex("00 ff ff ff ff"), "pings"))
                .isEqualTo(-1);
    }

    @Test
    void rejectsAPayloadShorterThanTheHeader() {
        assertThatThrownBy(() -> ConfluentWireFormat.schemaId(new byte[] {0, 0, 0}, "pings"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic pings")
                .hasMessageContaining("3 bytes long")
                .hasMessageContaining("at least 5");
    }

    @Test
    void rejectsAnUnknownMagicByte() {
        byte[] json = "{\"count\":1}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ConfluentWireFormat.schemaId(json, "pings"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic pings")
                .hasMessageContaining("unknown magic byte 0x7b");
    }
}
