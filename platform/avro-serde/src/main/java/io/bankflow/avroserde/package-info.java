/**
 * Kafka serializer and deserializer for Avro {@link org.apache.avro.specific.SpecificRecord}s in the Confluent wire
 * format (magic byte 0, 4-byte big-endian schema id, Avro binary), against any registry that speaks the Confluent
 * Schema Registry REST API: Confluent, Apicurio ({@code /apis/ccompat/v7}), Karapace, Redpanda.
 *
 * <p>Configured only through plain Kafka client properties with Confluent's own key names (see {@link
 * io.bankflow.avroserde.AvroSerdeConfig}), so switching registries is a configuration change. No Spring. ADR 0003 says
 * why Bankflow keeps this small client instead of Confluent's or Apicurio's serdes.
 */
package io.bankflow.avroserde;
