package io.bankflow.avroserde;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format messages into the generated Avro class named by the writer's schema.
 *
 * <p>The writer schema comes from the registry by the id in bytes 1-4; the reader schema is the generated class's own,
 * so a consumer built with a newer (compatible) schema reads data written with an older one and the other way round.
 * Arrays are read into {@link ArrayList}s, so {@code equals} between a sent and a received record works (Avro's own
 * {@code GenericData.Array} compares without the logical-type conversions and fails on dates inside unions).
 *
 * <p>Kafka creates it by class name: {@code value.deserializer=io.bankflow.avroserde.ConfluentAvroDeserializer}, with
 * {@code schema.registry.url} and optionally the basic-auth keys ({@link AvroSerdeConfig}). {@code null} (a tombstone)
 * reads as {@code null}. Confluent's {@code specific.avro.reader} is implied and ignored. Thread-safe once configured.
 */
public class ConfluentAvroDeserializer implements Deserializer<SpecificRecord> {

    private final Map<Integer, SpecificDatumReader<SpecificRecord>> readers = new ConcurrentHashMap<>();
    private final Map<Class<?>, SpecificData> models = new ConcurrentHashMap<>();
    private volatile SchemaRegistryClient registry;

    /** For Kafka, which calls {@link #configure(Map, boolean)} next. */
    public ConfluentAvroDeserializer() {}

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        SchemaRegistryClient client = SchemaRegistryClient.create(configs);
        SchemaRegistryClient previous = registry;
        registry = client;
        readers.clear(); // ids are only meaningful within one registry
        if (previous != null) {
            previous.close();
        }
    }

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        int id = ConfluentWireFormat.schemaId(data, topic);
        return read(topic, id, data, reader(id, topic));
    }

    /**
     * Reads a framed message written with {@code writer}: the part of {@link #deserialize} that needs no registry. The id
     * in the header is checked for framing and named in errors, not resolved.
     */
    SpecificRecord decode(String topic, byte[] data, Schema writer) {
        int id = ConfluentWireFormat.schemaId(data, topic);
        return read(topic, id, data, newReader(topic, id, writer));
    }

    private static SpecificRecord read(String topic, int id, byte[] data, SpecificDatumReader<SpecificRecord> reader) {
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(
                        data, ConfluentWireFormat.HEADER_SIZE, data.length - ConfluentWireFormat.HEADER_SIZE, null);
        SpecificRecord record;
        try {
            record = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new SerializationException("Cannot deserialize a message on topic " + topic + " with schema id "
                        + id + ": bytes are left over after the record, so the payload was not written with that"
                        + " schema");
            }
        } catch (SerializationException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Truncated or corrupt payloads surface as EOFException, ArrayIndexOutOfBounds or AvroRuntimeException.
            throw new SerializationException(
                    "Cannot deserialize a message on topic " + topic + " with schema id " + id + " ("
                            + reader.getSchema().getFullName() + "): "
                            + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    e);
        }
        return record;
    }

    private SpecificDatumReader<SpecificRecord> reader(int id, String topic) {
        SpecificDatumReader<SpecificRecord> cached = readers.get(id);
        if (cached != null) {
            return cached;
        }
        SchemaRegistryClient registry = this.registry;
        if (registry == null) {
            throw new SerializationException("ConfluentAvroDeserializer is not configured: set "
                    + AvroSerdeConfig.SCHEMA_REGISTRY_URL + " in the consumer properties");
        }
        Schema writer;
        try {
            writer = registry.schemaById(id);
        } catch (SchemaRegistryException e) {
            if (!e.isNotFound()) {
                throw e;
            }
            throw new SerializationException("Cannot deserialize a message on topic " + topic + ": schema id " + id
                    + " is unknown to " + registry + " (written against another registry?). Registry said: "
                    + e.getMessage());
        }
        SpecificDatumReader<SpecificRecord> reader = newReader(topic, id, writer);
        SpecificDatumReader<SpecificRecord> previous = readers.putIfAbsent(id, reader);
        return previous != null ? previous : reader;
    }

    private SpecificDatumReader<SpecificRecord> newReader(String topic, int id, Schema writer) {
        Class<?> type = recordClass(writer);
        if (type == null) {
            throw new SerializationException("Cannot deserialize a message on topic " + topic + ": schema id " + id
                    + " is " + writer.getFullName() + ", and no generated Avro class of that name is on the class path"
                    + " (is the module with the generated classes, such as io.bankflow:schemas, a dependency?)");
        }
        SpecificData model = models.computeIfAbsent(type, ArrayListSpecificData::forClass);
        return new SpecificDatumReader<>(writer, model.getSchema(type), model);
    }

    private static Class<?> recordClass(Schema writer) {
        if (writer.getType() != Schema.Type.RECORD) {
            return null;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> type = new SpecificData(loader != null ? loader : ConfluentAvroDeserializer.class.getClassLoader())
                .getClass(writer);
        return type != null && SpecificRecord.class.isAssignableFrom(type) ? type : null;
    }

    @Override
    public void close() {
        SchemaRegistryClient registry = this.registry;
        if (registry != null) {
            registry.close();
        }
    }

    /**
     * The generated class's model (its logical-type conversions) with one change: arrays are {@link ArrayList}s. Both
     * of Avro's decoding paths (the default "fast reader" and the classic one) create arrays through the model.
     */
    private static final class ArrayListSpecificData extends SpecificData {

        private ArrayListSpecificData(ClassLoader loader) {
            super(loader);
        }

        static SpecificData forClass(Class<?> type) {
            ArrayListSpecificData model = new ArrayListSpecificData(type.getClassLoader());
            SpecificData.getForClass(type).getConversions().forEach(model::addLogicalTypeConversion);
            return model;
        }

        @Override
        public Object newArray(Object old, int size, Schema schema) {
            if (old instanceof ArrayList<?> list) {
                list.clear();
                return list;
            }
            return new ArrayList<>(size);
        }
    }
}
