package io.bankflow.reconciliation.testing;

import io.bankflow.avroserde.ConfluentAvroDeserializer;
import io.bankflow.testinfra.TestKafka;
import io.bankflow.testinfra.TestRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads topics from the beginning as raw bytes with its own consumer group, independent of the code under test, and
 * decodes values with Bankflow's real Avro deserializer. Topics are shared by the tests: callers select by key.
 */
public final class TopicRecords implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final ConfluentAvroDeserializer avro = new ConfluentAvroDeserializer();
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    public TopicRecords(String... topics) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestKafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "reconciliation-it-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        "false"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topics));
        avro.configure(Map.of("schema.registry.url", TestRegistry.ccompatUrl()), false);
    }

    /** Polls until at least {@code count} records of the topic with this key were read; returns them in order. */
    public List<ConsumerRecord<String, byte[]>> await(String topic, String key, int count, Duration timeout) {
        Awaitility.await()
                .atMost(timeout)
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    poll();
                    return with(topic, key).size() >= count;
                });
        return with(topic, key);
    }

    /** Polls for a while and returns everything of the topic with this key read so far. */
    public List<ConsumerRecord<String, byte[]>> readFor(String topic, String key, Duration during) {
        long until = System.nanoTime() + during.toNanos();
        while (System.nanoTime() < until) {
            poll();
        }
        return with(topic, key);
    }

    public <T> T decode(ConsumerRecord<String, byte[]> record, Class<T> type) {
        return type.cast(avro.deserialize(record.topic(), record.value()));
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    }

    private List<ConsumerRecord<String, byte[]>> with(String topic, String key) {
        return records.stream()
                .filter(r -> topic.equals(r.topic()) && key.equals(r.key()))
                .toList();
    }

    @Override
    public void close() {
        consumer.close();
        avro.close();
    }
}
