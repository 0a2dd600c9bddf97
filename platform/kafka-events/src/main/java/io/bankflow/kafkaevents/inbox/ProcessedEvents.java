package io.bankflow.kafkaevents.inbox;

import io.bankflow.kafkaevents.consumer.NonRetryableEventException;
import io.bankflow.kafkaevents.correlation.EventEnvelopes;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Idempotent consumers: applies the effect of an event at most once per consumer, however often Kafka delivers it.
 *
 * <p>The event id is recorded in {@code processed_event} in the same database transaction as the effect: both commit
 * or neither does. An event already recorded for this consumer is skipped. If the listener runs inside a transaction
 * (a {@code @Transactional} listener or use case) the record joins it; otherwise {@code runOnce} opens one around the
 * effect, so the effect's own database writes must use the service's DataSource (JPA or JDBC) to be covered.
 *
 * <pre>{@code
 * @KafkaListener(id = "sync-requests", topics = EventTopics.SYNC_REQUESTED)
 * void on(ConsumerRecord<String, SyncRequested> record) {
 *     processedEvents.runOnce("sync-requests", record, () -> startSyncJob.start(toCommand(record.value())));
 * }
 * }</pre>
 *
 * Meters: {@code bankflow_events_consumed_total{topic,consumer,outcome}} with outcome {@code processed} (committed),
 * {@code duplicate} (skipped) or {@code failed} (rolled back; Kafka redelivers), and {@code
 * bankflow_events_duplicates_total{topic,consumer}}.
 */
public interface ProcessedEvents {

    /**
     * Runs {@code effect} unless {@code consumer} already processed {@code eventId}.
     *
     * @param consumer stable logical name of the consuming listener (the same event may be processed once per
     *     consumer); at most 200 characters
     * @param topic the topic the event came from (recorded for operators and metrics)
     * @param eventId the event's {@code metadata.eventId}
     * @param effect what processing the event means; runs in the transaction that records the event id
     * @return {@code true} when the effect ran, {@code false} when the event was a duplicate and was skipped
     * @throws RuntimeException whatever the effect throws; the transaction rolls back and the event counts as not
     *     processed, so a redelivery runs it again
     */
    boolean runOnce(String consumer, String topic, UUID eventId, Runnable effect);

    /**
     * Runs {@code effect} unless {@code consumer} already processed the record's event, identified by the {@code
     * metadata.eventId} of its value.
     *
     * @throws NonRetryableEventException when the value carries no event id (the record goes to the dead-letter
     *     topic: without an id it cannot be deduplicated)
     * @see #runOnce(String, String, UUID, Runnable)
     */
    default boolean runOnce(String consumer, ConsumerRecord<?, ?> record, Runnable effect) {
        UUID eventId = EventEnvelopes.eventId(record.value())
                .orElseThrow(() -> new NonRetryableEventException("Record " + record.topic() + "-" + record.partition()
                        + "@" + record.offset() + " has no metadata.eventId to deduplicate on"));
        return runOnce(consumer, record.topic(), eventId, effect);
    }
}
