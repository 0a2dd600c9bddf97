package io.bankflow.connection.connections.adapter.in.kafka;

import io.bankflow.connection.connections.application.RecordSyncOutcome;
import io.bankflow.events.EventTopics;
import io.bankflow.events.sync.SyncJobCompleted;
import io.bankflow.events.sync.SyncJobFailed;
import io.bankflow.kafkaevents.inbox.ProcessedEvents;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes sync-service's {@code SyncJobFailed} and {@code SyncJobCompleted} for the connection's health (ERROR and
 * back), once per event.
 */
@Component
class SyncJobOutcomeListener {

    static final String FAILED_CONSUMER = "connection-sync-job-failed";
    static final String COMPLETED_CONSUMER = "connection-sync-job-completed";

    private final ProcessedEvents processedEvents;
    private final RecordSyncOutcome recordSyncOutcome;

    SyncJobOutcomeListener(ProcessedEvents processedEvents, RecordSyncOutcome recordSyncOutcome) {
        this.processedEvents = processedEvents;
        this.recordSyncOutcome = recordSyncOutcome;
    }

    @KafkaListener(
            id = FAILED_CONSUMER,
            topics = EventTopics.SYNC_JOB_FAILED,
            groupId = "${spring.kafka.consumer.group-id}")
    void onFailed(ConsumerRecord<String, SyncJobFailed> record) {
        SyncJobFailed event = record.value();
        UUID connectionId = Events.connectionId(event.getConnectionId(), "SyncJobFailed", event.getMetadata());
        processedEvents.runOnce(
                FAILED_CONSUMER,
                record,
                () -> recordSyncOutcome.failed(
                        event.getMetadata().getOrgId(),
                        connectionId,
                        event.getErrorCode(),
                        event.getErrorMessage(),
                        event.getRetryable(),
                        event.getMetadata().getEventId()));
    }

    @KafkaListener(
            id = COMPLETED_CONSUMER,
            topics = EventTopics.SYNC_JOB_COMPLETED,
            groupId = "${spring.kafka.consumer.group-id}")
    void onCompleted(ConsumerRecord<String, SyncJobCompleted> record) {
        SyncJobCompleted event = record.value();
        UUID connectionId = Events.connectionId(event.getConnectionId(), "SyncJobCompleted", event.getMetadata());
        processedEvents.runOnce(
                COMPLETED_CONSUMER,
                record,
                () -> recordSyncOutcome.completed(event.getMetadata().getOrgId(), connectionId));
    }
}
