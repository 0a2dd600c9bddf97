package io.bankflow.webhookingest.testing;

import static org.awaitility.Awaitility.await;

import io.bankflow.avroserde.ConfluentAvroDeserializer;
import io.bankflow.events.EventTopics;
import io.bankflow.events.webhook.WebhookReceived;
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

/**
 * Reads {@value EventTopics#WEBHOOK_RECEIVED} from the beginning as raw bytes with its own consumer group, independent
 * of the code under test, and decodes values with Bankflow's real Avro deserializer. The topic is shared by the
 * tests: callers select records by key.
 */
public final class WebhookReceivedRecords implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final ConfluentAvroDeserializer avro = new ConfluentAvroDeserializer();
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    public WebhookReceivedRecords() {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestKafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "webhook-it-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        "false"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(EventTopics.WEBHOOK_RECEIVED));
        avro.configure(Map.of("schema.registry.url", TestRegistry.ccompatUrl()), false);
    }

    /** Polls until at least {@code count} records with this key were read; returns them in offset order. */
    public List<ConsumerRecord<String, byte[]>> awaitWithKey(String key, int count, Duration timeout) {
        await().atMost(timeout)
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                    return withKey(key).size() >= count;
                });
        return withKey(key);
    }

    public WebhookReceived decode(ConsumerRecord<String, byte[]> record) {
        return (WebhookReceived) avro.deserialize(record.topic(), record.value());
    }

    private List<ConsumerRecord<String, byte[]>> withKey(String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
        avro.close();
    }
}
