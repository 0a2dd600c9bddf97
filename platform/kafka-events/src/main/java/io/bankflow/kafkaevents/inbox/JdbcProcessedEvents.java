package io.bankflow.kafkaevents.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link ProcessedEvents} on the {@code processed_event} table of the service's own database. */
final class JdbcProcessedEvents implements ProcessedEvents {

    static final String CONSUMED = "bankflow.events.consumed";
    static final String DUPLICATES = "bankflow.events.duplicates";
    private static final int MAX_CONSUMER_LENGTH = 200;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MeterRegistry registry;

    /** @param transactions joins the caller's transaction, or opens one when there is none (REQUIRED) */
    JdbcProcessedEvents(
            DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.registry = registry;
    }

    @Override
    public boolean runOnce(String consumer, String topic, UUID eventId, Runnable effect) {
        if (consumer == null || consumer.isBlank() || consumer.length() > MAX_CONSUMER_LENGTH) {
            throw new IllegalArgumentException("consumer must be 1.." + MAX_CONSUMER_LENGTH + " characters");
        }
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(effect, "effect");
        Boolean ran = transactions.execute(status -> {
            requireTransactionOnDataSource();
            // Under concurrent delivery of the same event (a rebalance), the second insert waits for the first
            // transaction on the primary key, then does nothing: only one effect commits.
            int inserted = jdbc.sql("""
                    INSERT INTO processed_event (consumer, event_id, topic)
                    VALUES (:consumer, :eventId, :topic)
                    ON CONFLICT (consumer, event_id) DO NOTHING
                    """)
                    .param("consumer", consumer)
                    .param("eventId", eventId)
                    .param("topic", topic)
                    .update();
            if (inserted == 0) {
                consumed(topic, consumer, "duplicate");
                Counter.builder(DUPLICATES)
                        .description("Redelivered events skipped because their consumer had processed them")
                        .tags("topic", topic, "consumer", consumer)
                        .register(registry)
                        .increment();
                return false;
            }
            // Counted when the outcome is final: a rolled-back effect did not happen, Kafka delivers it again.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    consumed(topic, consumer, status == STATUS_COMMITTED ? "processed" : "failed");
                }
            });
            effect.run();
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }

    private void consumed(String topic, String consumer, String outcome) {
        Counter.builder(CONSUMED)
                .description("Events handed to idempotent consumers, by outcome")
                .tags("topic", topic, "consumer", consumer, "outcome", outcome)
                .register(registry)
                .increment();
    }

    private void requireTransactionOnDataSource() {
        if (TransactionSynchronizationManager.getResource(dataSource) == null) {
            throw new IllegalStateException("ProcessedEvents.runOnce needs a transaction on the service's DataSource,"
                    + " but the current transaction belongs to another resource; the processed-event record and the"
                    + " effect would not commit together");
        }
    }

    /** Deletes processed-event ids older than {@code retentionMillis}; returns how many. */
    int deleteOlderThan(long retentionMillis, int limit) {
        return jdbc.sql("""
                DELETE FROM processed_event
                WHERE (consumer, event_id) IN (
                    SELECT consumer, event_id FROM processed_event
                    WHERE processed_at < clock_timestamp() - :retentionMillis * interval '1 millisecond'
                    LIMIT :limit)
                """)
                .param("retentionMillis", retentionMillis)
                .param("limit", limit)
                .update();
    }
}
