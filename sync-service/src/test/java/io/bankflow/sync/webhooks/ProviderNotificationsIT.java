package io.bankflow.sync.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bankflow.events.EventTopics;
import io.bankflow.events.common.EventMetadata;
import io.bankflow.events.webhook.WebhookReceived;
import io.bankflow.testinfra.ServiceIntegrationTest;
import io.bankflow.testinfra.TestKafka;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * sync-service consumes WebhookReceived from the real broker (Avro through the real registry) and records each
 * webhook once, however often the event is delivered.
 */
@ServiceIntegrationTest
class ProviderNotificationsIT {

    static final Duration WITHIN = Duration.ofSeconds(30);
    static final String TOPIC = EventTopics.WEBHOOK_RECEIVED;
    static final String CONSUMER = "sync-provider-notifications";

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void recordsAWebhookWhoseEventIsDeliveredTwiceOnce() throws Exception {
        double processedBefore = consumed("processed");
        double duplicatesBefore = consumed("duplicate");
        UUID webhookId = UUID.randomUUID();
        String account = "acc-" + UUID.randomUUID();
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        WebhookReceived event = webhookReceived(webhookId.toString(), account, receivedAt);

        kafka.send(TOPIC, account, event).get();
        kafka.send(TOPIC, account, event).get(); // a redelivery: same event id

        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(consumed("processed")).isEqualTo(processedBefore + 1);
            assertThat(consumed("duplicate")).isEqualTo(duplicatesBefore + 1);
        });
        List<Map<String, Object>> rows =
                jdbc.sql("""
                        SELECT org_id, provider, provider_event_id, event_type, subject_ref, received_at
                        FROM provider_notification WHERE webhook_id = :webhookId
                        """).param("webhookId", webhookId).query().listOfRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst())
                .containsEntry("org_id", "acme-industries")
                .containsEntry("provider", "sandbox-bank")
                .containsEntry("provider_event_id", "msg_" + webhookId)
                .containsEntry("event_type", "transactions.available")
                .containsEntry("subject_ref", account);
        assertThat(((Timestamp) rows.getFirst().get("received_at")).toInstant()).isEqualTo(receivedAt);
    }

    @Test
    void sendsAnEventBreakingTheContractToTheDeadLetterTopicWithoutRetrying() throws Exception {
        String account = "acc-" + UUID.randomUUID();
        WebhookReceived broken = webhookReceived("not-a-uuid", account, Instant.now());

        kafka.send(TOPIC, account, broken).get();

        try (KafkaConsumer<String, byte[]> deadLetters = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestKafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "dlt-reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            deadLetters.subscribe(List.of(EventTopics.WEBHOOK_RECEIVED_DLT));
            List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
            await().atMost(WITHIN).pollInSameThread().until(() -> {
                deadLetters.poll(Duration.ofMillis(200)).forEach(read::add);
                return read.stream().anyMatch(record -> account.equals(record.key()));
            });
        }
        assertThat(jdbc.sql("SELECT count(*) FROM provider_notification WHERE subject_ref = :account")
                        .param("account", account)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static WebhookReceived webhookReceived(String webhookId, String account, Instant receivedAt) {
        return WebhookReceived.newBuilder()
                .setMetadata(EventMetadata.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(receivedAt)
                        .setOrgId("acme-industries")
                        .setCorrelationId("it-" + webhookId)
                        .setCausationId(null)
                        .build())
                .setWebhookId(webhookId)
                .setProvider("sandbox-bank")
                .setProviderEventId("msg_" + webhookId)
                .setEventType("transactions.available")
                .setReceivedAt(receivedAt)
                .setSubjectRef(account)
                .setPayload("{\"type\":\"transactions.available\",\"data\":{\"accountId\":\"" + account + "\"}}")
                .build();
    }

    private double consumed(String outcome) {
        Counter counter = meters.find("bankflow.events.consumed")
                .tags("topic", TOPIC, "consumer", CONSUMER, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
