package io.bankflow.testinfra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics of the test broker from the beginning as raw bytes, with its own consumer group, independent of the
 * code under test; values are decoded with the deserializer the test gives (Bankflow's real Avro deserializer,
 * configured for the test registry). Topics are shared by tests: select records by key or content.
 */
public final class TopicRecords implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<?> values;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    /**
     * @param values decodes record values in {@link #decode}; closed with this
     * @param topics the topics to read
     */
    public TopicRecords(Deserializer<?> values, String... topics) {
        this.values = values;
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestKafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "it-topic-records-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        "false"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topics));
    }

    /**
     * Polls until at least {@code count} records of the topic with this key were read; returns them in order.
     *
     * @throws AssertionError when they did not come within {@code timeout}
     */
    public List<ConsumerRecord<String, byte[]>> await(String topic, String key, int count, Duration timeout) {
        return await(topic, record -> key.equals(record.key()), count, timeout);
    }

    /** Polls until at least {@code count} records of the topic match; returns the matching ones in order. */
    public List<ConsumerRecord<String, byte[]>> await(
            String topic, Predicate<ConsumerRecord<String, byte[]>> matching, int count, Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, byte[]>> found = with(topic, matching);
        while (found.size() < count) {
            if (System.nanoTime() > until) {
                throw new AssertionError("Expected " + count + " record(s) on " + topic + " within " + timeout
                        + ", read " + found.size());
            }
            poll();
            found = with(topic, matching);
        }
        return found;
    }

    /** Polls for a while and returns every record of the topic with this key read so far. */
    public List<ConsumerRecord<String, byte[]>> readFor(String topic, String key, Duration during) {
        long until = System.nanoTime() + during.toNanos();
        while (System.nanoTime() < until) {
            poll();
        }
        return with(topic, record -> key.equals(record.key()));
    }

    /** The record's value, decoded. */
    public <T> T decode(ConsumerRecord<String, byte[]> record, Class<T> type) {
        return type.cast(values.deserialize(record.topic(), record.value()));
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    }

    private List<ConsumerRecord<String, byte[]>> with(
            String topic, Predicate<ConsumerRecord<String, byte[]>> matching) {
        return records.stream()
                .filter(record -> topic.equals(record.topic()) && matching.test(record))
                .toList();
    }

    @Override
    public void close() {
        consumer.close();
        values.close();
    }
}
