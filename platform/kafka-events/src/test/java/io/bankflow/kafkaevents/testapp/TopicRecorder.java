package io.bankflow.kafkaevents.testapp;

import static org.awaitility.Awaitility.await;

import io.bankflow.avroserde.ConfluentAvroDeserializer;
import io.bankflow.testinfra.TestKafka;
import io.bankflow.testinfra.TestRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic of the test broker from the beginning, as raw bytes, and decodes values with the real Avro
 * deserializer on demand. Independent of the code under test: its own consumer and group.
 */
public final class TopicRecorder implements AutoCloseable {

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final ConfluentAvroDeserializer avro = new ConfluentAvroDeserializer();
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    public TopicRecorder(String topic) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestKafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "recorder-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        "false"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        avro.configure(Map.of("schema.registry.url", TestRegistry.ccompatUrl()), false);
    }

    /** Polls until the records read so far satisfy {@code done}; returns them all. */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(
            Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration timeout) {
        await().atMost(timeout)
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                    return done.test(records);
                });
        return List.copyOf(records);
    }

    /** Polls until at least {@code count} records were read. */
    public List<ConsumerRecord<String, byte[]>> awaitCount(int count, Duration timeout) {
        return awaitRecords(read -> read.size() >= count, timeout);
    }

    /** How many records the topic holds (all partitions), whether or not this recorder has read them yet. */
    public long recordsOnTopic() {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        return consumer.endOffsets(partitions).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /** The value of a record of this topic, decoded. */
    @SuppressWarnings("unchecked")
    public <T extends SpecificRecord> T decode(ConsumerRecord<String, byte[]> record) {
        return (T) avro.deserialize(topic, record.value());
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
        avro.close();
    }
}
