package io.bankflow.kafkaevents.outbox;

import static io.bankflow.kafkaevents.testapp.TopicRecorder.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.bankflow.events.sync.SyncRequested;
import io.bankflow.kafkaevents.correlation.Correlation;
import io.bankflow.kafkaevents.testapp.Events;
import io.bankflow.kafkaevents.testapp.EventsTestApplication;
import io.bankflow.kafkaevents.testapp.OpenAccount;
import io.bankflow.kafkaevents.testapp.TopicRecorder;
import io.bankflow.testinfra.ServiceIntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ServiceIntegrationTest(classes = EventsTestApplication.class)
class OutboxIT {

    private static final Duration PUBLISHED_WITHIN = Duration.ofSeconds(30);

    @Autowired
    OpenAccount openAccount;

    @Autowired
    OutboxEvents outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    private final String topic = "kafka-events-it.outbox." + UUID.randomUUID();

    @AfterEach
    void forgetThisTestsEvents() {
        // Events Kafka refused on purpose would otherwise be retried for the rest of the shared context's life.
        jdbc.sql("DELETE FROM event_outbox WHERE topic = :topic")
                .param("topic", topic)
                .update();
    }

    @Test
    void commitsTheEventWithTheStateChangeAndPublishesItWithItsCorrelationId() {
        UUID accountId;
        try (var ignored = Correlation.open("corr-open-savings")) {
            accountId = openAccount.open(topic, "Savings");
        }

        assertThat(jdbc.sql("SELECT name FROM account WHERE id = :id")
                        .param("id", accountId)
                        .query(String.class)
                        .single())
                .isEqualTo("Savings");
        try (TopicRecorder recorder = new TopicRecorder(topic)) {
            List<ConsumerRecord<String, byte[]>> records = recorder.awaitCount(1, PUBLISHED_WITHIN);

            assertThat(records).hasSize(1);
            ConsumerRecord<String, byte[]> record = records.getFirst();
            SyncRequested event = recorder.decode(record);
            assertThat(record.key()).isEqualTo(accountId.toString());
            assertThat(event.getRequestedBy()).isEqualTo("Savings");
            assertThat(event.getMetadata().getCorrelationId()).isEqualTo("corr-open-savings");
            assertThat(header(record, Correlation.HEADER)).isEqualTo("corr-open-savings");
            UUID eventId = event.getMetadata().getEventId();
            await().atMost(PUBLISHED_WITHIN)
                    .untilAsserted(() -> assertThat(jdbc.sql("""
                                    SELECT count(*) FROM event_outbox
                                    WHERE event_id = :eventId AND published_at IS NOT NULL AND attempts = 0
                                    """)
                                    .param("eventId", eventId)
                                    .query(Long.class)
                                    .single())
                            .isEqualTo(1));
        }
    }

    @Test
    void publishesNothingWhenTheUseCaseRollsBack() {
        assertThatThrownBy(() -> openAccount.openThenFail(topic, "Doomed")).isInstanceOf(IllegalStateException.class);

        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE name = 'Doomed'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(outboxRows()).isZero();

        // A later event of the same topic is published; the rolled-back one never was.
        UUID marker = openAccount.open(topic, "Marker");
        try (TopicRecorder recorder = new TopicRecorder(topic)) {
            List<ConsumerRecord<String, byte[]>> records = recorder.awaitRecords(
                    read -> read.stream().anyMatch(r -> r.key().equals(marker.toString())), PUBLISHED_WITHIN);

            assertThat(records).hasSize(1);
            assertThat(recorder.recordsOnTopic()).isEqualTo(1);
            assertThat(recorder.<SyncRequested>decode(records.getFirst()).getRequestedBy())
                    .isEqualTo("Marker");
        }
    }

    @Test
    void publishesTheEventsOfEachKeyInTheOrderTheyWereAppended() throws Exception {
        List<String> keys = List.of("acct-a", "acct-b", "acct-c");
        // One writer per key, all at once: 10 transactions of 2 events each per key.
        try (ExecutorService writers = Executors.newFixedThreadPool(keys.size())) {
            List<Future<?>> done = new ArrayList<>();
            for (String key : keys) {
                done.add(writers.submit(() -> {
                    for (int tx = 0; tx < 10; tx++) {
                        openAccount.appendAll(topic, key, key + "-" + (2 * tx), key + "-" + (2 * tx + 1));
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        }

        try (TopicRecorder recorder = new TopicRecorder(topic)) {
            List<ConsumerRecord<String, byte[]>> records = recorder.awaitCount(60, PUBLISHED_WITHIN);

            Map<String, List<String>> labelsByKey = new LinkedHashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                labelsByKey
                        .computeIfAbsent(record.key(), k -> new ArrayList<>())
                        .add(recorder.<SyncRequested>decode(record).getRequestedBy());
            }
            assertThat(records).hasSize(60);
            for (String key : keys) {
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    expected.add(key + "-" + i);
                }
                assertThat(labelsByKey.get(key)).as("events of %s", key).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void holdsBackTheKeyOfAnEventKafkaRefusesWhileOtherKeysAreStillPublished() {
        // Bigger than the producer's max.request.size (1 MiB): Kafka refuses it, every time.
        String tooLarge = "x".repeat(1_200_000);
        openAccount.appendAll(topic, "stuck", tooLarge, "after-the-refused-one");
        openAccount.appendAll(topic, "flowing", "f1", "f2");

        try (TopicRecorder recorder = new TopicRecorder(topic)) {
            List<ConsumerRecord<String, byte[]>> records = recorder.awaitCount(2, PUBLISHED_WITHIN);
            assertThat(records)
                    .extracting(r -> recorder.<SyncRequested>decode(r).getRequestedBy())
                    .containsExactly("f1", "f2");

            // Several rounds later the refused event is still retried and its successor still waits behind it.
            await().atMost(PUBLISHED_WITHIN)
                    .untilAsserted(() -> assertThat(jdbc.sql("""
                                    SELECT attempts FROM event_outbox WHERE topic = :topic AND message_key = 'stuck'
                                    ORDER BY id LIMIT 1
                                    """)
                                    .param("topic", topic)
                                    .query(Integer.class)
                                    .single())
                            .isGreaterThanOrEqualTo(3));
            assertThat(recorder.recordsOnTopic()).isEqualTo(2);
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM event_outbox
                            WHERE topic = :topic AND message_key = 'stuck' AND published_at IS NULL
                            """).param("topic", topic).query(Long.class).single())
                    .isEqualTo(2);
            assertThat(jdbc.sql("SELECT last_error FROM event_outbox WHERE topic = :topic AND message_key = 'stuck'"
                                    + " ORDER BY id LIMIT 1")
                            .param("topic", topic)
                            .query(String.class)
                            .single())
                    .contains("RecordTooLargeException");
            assertThat(counter(OutboxMetrics.PUBLISH_FAILURES)).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void refusesToAppendOutsideATransaction() {
        assertThatThrownBy(() -> outbox.append(topic, "acct-1", Events.syncRequested("acct-1", "no transaction")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@Transactional");

        assertThat(outboxRows()).isZero();
    }

    @Test
    void countsPublishedEventsPerTopic() {
        openAccount.appendAll(topic, "acct-1", "one", "two", "three");

        await().atMost(PUBLISHED_WITHIN)
                .untilAsserted(
                        () -> assertThat(counter(OutboxMetrics.PUBLISHED)).isEqualTo(3));
        assertThat(counter(OutboxMetrics.PUBLISH_FAILURES)).isZero();
    }

    private long outboxRows() {
        return jdbc.sql("SELECT count(*) FROM event_outbox WHERE topic = :topic")
                .param("topic", topic)
                .query(Long.class)
                .single();
    }

    private double counter(String name) {
        Counter counter = meters.find(name).tag("topic", topic).counter();
        return counter == null ? 0 : counter.count();
    }
}
