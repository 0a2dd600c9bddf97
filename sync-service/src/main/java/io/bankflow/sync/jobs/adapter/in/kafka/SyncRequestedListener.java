package io.bankflow.sync.jobs.adapter.in.kafka;

import io.bankflow.events.EventTopics;
import io.bankflow.events.sync.SyncRequested;
import io.bankflow.kafkaevents.consumer.NonRetryableEventException;
import io.bankflow.kafkaevents.inbox.ProcessedEvents;
import io.bankflow.sync.jobs.application.RequestSync;
import io.bankflow.sync.jobs.domain.SyncReason;
import io.bankflow.sync.jobs.domain.SyncTarget;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code SyncRequested} (connection-service) and queues a job for each, once per event however often Kafka
 * delivers it.
 */
@Component
class SyncRequestedListener {

    /** The consumer name under which processed events are remembered; stable, renaming it reprocesses everything. */
    static final String CONSUMER = "sync-requested-jobs";

    private final ProcessedEvents processedEvents;
    private final RequestSync requestSync;

    SyncRequestedListener(ProcessedEvents processedEvents, RequestSync requestSync) {
        this.processedEvents = processedEvents;
        this.requestSync = requestSync;
    }

    @KafkaListener(id = CONSUMER, topics = EventTopics.SYNC_REQUESTED, groupId = "${spring.kafka.consumer.group-id}")
    void on(ConsumerRecord<String, SyncRequested> record) {
        RequestSync.Requested request = toRequest(record.value());
        processedEvents.runOnce(CONSUMER, record, () -> requestSync.onSyncRequested(request));
    }

    static RequestSync.Requested toRequest(SyncRequested event) {
        String orgId = event.getMetadata().getOrgId();
        UUID connectionId = uuid(event.getConnectionId(), "connectionId", event);
        SyncTarget announced = null;
        if (event.getAccountId() != null && event.getProvider() != null) {
            announced = new SyncTarget(
                    orgId,
                    connectionId,
                    uuid(event.getAccountId(), "accountId", event),
                    event.getProvider(),
                    event.getProviderConsentId(),
                    event.getAccountIban(),
                    null,
                    null);
        }
        return new RequestSync.Requested(
                orgId,
                connectionId,
                announced,
                reason(event.getReason()),
                event.getDateFrom(),
                event.getDateTo(),
                event.getRequestedBy(),
                event.getMetadata().getCorrelationId(),
                event.getMetadata().getEventId().toString());
    }

    private static SyncReason reason(io.bankflow.events.sync.@Nullable SyncReason reason) {
        if (reason == null) {
            return SyncReason.OTHER;
        }
        return switch (reason) {
            case INITIAL -> SyncReason.INITIAL;
            case SCHEDULED -> SyncReason.SCHEDULED;
            case MANUAL -> SyncReason.MANUAL;
            case WEBHOOK -> SyncReason.WEBHOOK;
            case OTHER -> SyncReason.OTHER;
        };
    }

    private static UUID uuid(String value, String field, SyncRequested event) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            // Retrying cannot fix a broken contract: straight to the dead-letter topic.
            throw new NonRetryableEventException(
                    "SyncRequested " + event.getMetadata().getEventId() + " has a " + field + " that is not a UUID");
        }
    }
}
