package io.bankflow.kafkaevents.inbox;

import static io.bankflow.kafkaevents.testapp.TopicRecorder.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bankflow.events.sync.SyncRequested;
import io.bankflow.kafkaevents.testapp.Events;
import io.bankflow.kafkaevents.testapp.EventsTestApplication;
import io.bankflow.kafkaevents.testapp.SyncRequestListener;
import io.bankflow.kafkaevents.testapp.TopicRecorder;
import io.bankflow.testinfra.ServiceIntegrationTest;
import io.bankflow.testinfra.TestKafka;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The test service's {@link SyncRequestListener} consumes {@link SyncRequestListener#TOPIC} with the auto-configured
 * container factory: Avro deserialization, correlation interceptor, retries and dead letters.
 */
@ServiceIntegrationTest(classes = EventsTestApplication.class)
class IdempotentConsumerIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String TOPIC = SyncRequestListener.TOPIC;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    SyncRequestListener listener;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void appliesAnEventDeliveredTwiceOnlyOnce() throws Exception {
        double duplicatesBefore = consumed("duplicate");
        UUID eventId = UUID.randomUUID();
        SyncRequested event = Events.syncRequested("conn-dup", "twice", eventId, "corr-" + eventId);

        kafka.send(TOPIC, "conn-dup", event).get();
        kafka.send(TOPIC, "conn-dup", event).get();

        await().atMost(WITHIN)
                .untilAsserted(() -> assertThat(consumed("duplicate")).isEqualTo(duplicatesBefore + 1));
        assertThat(appliedRows(eventId)).isEqualTo(1);
        assertThat(meters.find(JdbcProcessedEvents.DUPLICATES)
                        .tags("topic", TOPIC, "consumer", SyncRequestListener.CONSUMER)
                        .counter())
                .isNotNull();
    }

    @Test
    void runsTheListenerWithTheCorrelationIdOfTheEvent() throws Exception {
        UUID eventId = UUID.randomUUID();
        kafka.send(TOPIC, "conn-corr", Events.syncRequested("conn-corr", "correlated", eventId, "corr-from-event"))
                .get();

        await().atMost(WITHIN)
                .untilAsserted(() -> assertThat(appliedRows(eventId)).isEqualTo(1));
        assertThat(jdbc.sql("SELECT correlation_id FROM applied_event WHERE event_id = :id")
                        .param("id", eventId)
                        .query(String.class)
                        .single())
                .isEqualTo("corr-from-event");
    }

    @Test
    void retriesAnEventWhoseEffectFailedAndKeepsOnlyTheCommittedEffect() throws Exception {
        double failedBefore = consumed("failed");
        double processedBefore = consumed("processed");
        listener.failNextEffects(1);
        UUID eventId = UUID.randomUUID();

        kafka.send(TOPIC, "conn-retry", Events.syncRequested("conn-retry", "retried", eventId, "corr-retry"))
                .get();

        await().atMost(WITHIN)
                .untilAsserted(() -> assertThat(appliedRows(eventId)).isEqualTo(1));
        assertThat(consumed("failed")).isEqualTo(failedBefore + 1);
        assertThat(consumed("processed")).isEqualTo(processedBefore + 1);
    }

    @Test
    void sendsARecordThatCannotBeDeserializedToTheDeadLetterTopicWithItsBytesIntact() {
        String key = "poison-" + UUID.randomUUID();
        byte[] poison = "definitely not Confluent-framed Avro".getBytes(StandardCharsets.UTF_8);

        try (KafkaProducer<String, byte[]> raw = rawProducer();
                TopicRecorder deadLetters = new TopicRecorder(TOPIC + "-dlt")) {
            raw.send(new ProducerRecord<>(TOPIC, key, poison));
            raw.flush();

            ConsumerRecord<String, byte[]> deadLetter =
                    deadLetters.awaitRecords(read -> read.stream().anyMatch(r -> key.equals(r.key())), WITHIN).stream()
                            .filter(r -> key.equals(r.key()))
                            .findFirst()
                            .orElseThrow();

            assertThat(deadLetter.value()).isEqualTo(poison);
            assertThat(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TOPIC);
            assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_FQCN)).contains("DeserializationException");
        }
        await().atMost(WITHIN).untilAsserted(() -> assertThat(deadLettered()).isGreaterThanOrEqualTo(1));
    }

    @Test
    void sendsAnEventTheListenerRejectsToTheDeadLetterTopicWithoutApplyingIt() throws Exception {
        UUID eventId = UUID.randomUUID();
        String key = "conn-reject-" + eventId;
        kafka.send(TOPIC, key, Events.syncRequested(key, SyncRequestListener.REJECT, eventId, "corr-reject"))
                .get();

        try (TopicRecorder deadLetters = new TopicRecorder(TOPIC + "-dlt")) {
            ConsumerRecord<String, byte[]> deadLetter =
                    deadLetters.awaitRecords(read -> read.stream().anyMatch(r -> key.equals(r.key())), WITHIN).stream()
                            .filter(r -> key.equals(r.key()))
                            .findFirst()
                            .orElseThrow();

            SyncRequested event = deadLetters.decode(deadLetter);
            assertThat(event.getMetadata().getEventId()).isEqualTo(eventId);
            assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                    .contains("NonRetryableEventException");
        }
        assertThat(appliedRows(eventId)).isZero();
    }

    private long appliedRows(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM applied_event WHERE event_id = :id")
                .param("id", eventId)
                .query(Long.class)
                .single();
    }

    private double consumed(String outcome) {
        Counter counter = meters.find(JdbcProcessedEvents.CONSUMED)
                .tags("topic", TOPIC, "consumer", SyncRequestListener.CONSUMER, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double deadLettered() {
        Counter counter =
                meters.find("bankflow.events.dead.lettered").tag("topic", TOPIC).counter();
        return counter == null ? 0 : counter.count();
    }

    private static KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer());
    }
}
