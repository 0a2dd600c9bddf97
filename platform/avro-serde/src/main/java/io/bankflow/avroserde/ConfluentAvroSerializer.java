package io.bankflow.avroserde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro {@link SpecificRecord}s in the Confluent wire format, registering (or looking up) the record's schema in a
 * Confluent-compatible registry under the subject its {@link SubjectNameStrategy} names.
 *
 * <p>Kafka creates it by class name and calls {@link #configure(Map, boolean)} with the client properties (see {@link
 * AvroSerdeConfig} for the keys): {@code value.serializer=io.bankflow.avroserde.ConfluentAvroSerializer}. The serializer
 * owns the {@link SchemaRegistryClient} it builds from them and closes it in {@link #close()}. A {@code null} record (a
 * tombstone) is written as {@code null}. Thread-safe once configured.
 */
public class ConfluentAvroSerializer implements Serializer<SpecificRecord> {

    private final Map<Schema, DatumWriter<SpecificRecord>> writers = new ConcurrentHashMap<>();
    private volatile SchemaRegistryClient registry;
    private volatile boolean autoRegisterSchemas = true;
    private volatile SubjectNameStrategy subjectNameStrategy = SubjectNameStrategy.TOPIC_NAME;
    private volatile boolean isKey;

    /** For Kafka, which calls {@link #configure(Map, boolean)} next. */
    public ConfluentAvroSerializer() {}

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        SchemaRegistryClient client = SchemaRegistryClient.create(configs);
        this.isKey = isKey;
        this.autoRegisterSchemas = client.config().autoRegisterSchemas();
        this.subjectNameStrategy = client.config().subjectNameStrategy(isKey);
        SchemaRegistryClient previous = registry;
        registry = client;
        if (previous != null) {
            previous.close();
        }
    }

    @Override
    public byte[] serialize(String topic, SpecificRecord record) {
        if (record == null) {
            return null;
        }
        SchemaRegistryClient registry = this.registry;
        if (registry == null) {
            throw new SerializationException("ConfluentAvroSerializer is not configured: set "
                    + AvroSerdeConfig.SCHEMA_REGISTRY_URL + " in the producer properties");
        }
        Schema schema = record.getSchema();
        String subject = subjectNameStrategy.subject(topic, isKey, schema);
        return encode(topic, schemaId(registry, subject, schema), record);
    }

    /**
     * The Confluent wire format of {@code record} framed with {@code schemaId}: the part of {@link #serialize} that needs
     * no registry.
     */
    byte[] encode(String topic, int schemaId, SpecificRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        ByteBuffer header = ByteBuffer.allocate(ConfluentWireFormat.HEADER_SIZE);
        ConfluentWireFormat.writeHeader(header, schemaId);
        out.writeBytes(header.array());
        try {
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            writer(record).write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            // Avro's messages name the field and the problem (null in a non-null field, decimal scale, ...),
            // never the record's values.
            throw new SerializationException(
                    "Cannot serialize " + record.getSchema().getFullName() + " for topic " + topic + ": "
                            + e.getMessage(),
                    e);
        }
        return out.toByteArray();
    }

    private int schemaId(SchemaRegistryClient registry, String subject, Schema schema) {
        if (autoRegisterSchemas) {
            return registry.register(subject, schema);
        }
        try {
            return registry.lookUp(subject, schema);
        } catch (SchemaRegistryException e) {
            if (!e.isNotFound()) {
                throw e;
            }
            throw new SerializationException("Schema " + schema.getFullName() + " is not registered under subject '"
                    + subject + "' in " + registry + ", and " + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS
                    + " is false: register it first (the deployment's schema step), or allow this producer to"
                    + " register. Registry said: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private DatumWriter<SpecificRecord> writer(SpecificRecord record) {
        // The class's own model carries its logical-type conversions (decimal, date, timestamp-millis, uuid).
        return writers.computeIfAbsent(record.getSchema(), schema -> (DatumWriter<SpecificRecord>)
                (DatumWriter<?>) new SpecificDatumWriter<>(schema, SpecificData.getForClass(record.getClass())));
    }

    @Override
    public void close() {
        SchemaRegistryClient registry = this.registry;
        if (registry != null) {
            registry.close();
        }
    }
}
