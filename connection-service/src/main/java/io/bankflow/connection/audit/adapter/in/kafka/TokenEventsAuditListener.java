package io.bankflow.connection.audit.adapter.in.kafka;

import io.bankflow.connection.audit.application.RecordTokenUpdate;
import io.bankflow.events.EventTopics;
import io.bankflow.events.common.EventMetadata;
import io.bankflow.events.token.TokenRefreshed;
import io.bankflow.events.token.TokenRevoked;
import io.bankflow.kafkaevents.consumer.NonRetryableEventException;
import io.bankflow.kafkaevents.inbox.ProcessedEvents;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes TokenRefreshed and TokenRevoked into the audit trail, once per event. */
@Component
class TokenEventsAuditListener {

    /** Consumer names under which processed events are remembered; stable, renaming them reprocesses everything. */
    static final String REFRESHED = "connection-audit-token-refreshed";

    static final String REVOKED = "connection-audit-token-revoked";

    private final ProcessedEvents processedEvents;
    private final RecordTokenUpdate recordTokenUpdate;

    TokenEventsAuditListener(ProcessedEvents processedEvents, RecordTokenUpdate recordTokenUpdate) {
        this.processedEvents = processedEvents;
        this.recordTokenUpdate = recordTokenUpdate;
    }

    @KafkaListener(id = REFRESHED, topics = EventTopics.TOKEN_REFRESHED, groupId = "${spring.kafka.consumer.group-id}")
    void onRefreshed(ConsumerRecord<String, TokenRefreshed> record) {
        TokenRefreshed event = record.value();
        UUID connectionId = connectionId(event.getConnectionId(), event.getMetadata());
        processedEvents.runOnce(
                REFRESHED,
                record,
                () -> recordTokenUpdate.refreshed(
                        event.getMetadata().getOrgId(),
                        connectionId,
                        event.getAccessTokenExpiresAt(),
                        event.getRefreshTokenExpiresAt(),
                        event.getRotated(),
                        event.getMetadata().getOccurredAt()));
    }

    @KafkaListener(id = REVOKED, topics = EventTopics.TOKEN_REVOKED, groupId = "${spring.kafka.consumer.group-id}")
    void onRevoked(ConsumerRecord<String, TokenRevoked> record) {
        TokenRevoked event = record.value();
        UUID connectionId = connectionId(event.getConnectionId(), event.getMetadata());
        processedEvents.runOnce(
                REVOKED,
                record,
                () -> recordTokenUpdate.revoked(
                        event.getMetadata().getOrgId(),
                        connectionId,
                        event.getRevokedAtProvider(),
                        event.getRevokedAt()));
    }

    private static UUID connectionId(String value, EventMetadata metadata) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            // Retrying cannot fix a broken contract: straight to the dead-letter topic.
            throw new NonRetryableEventException(
                    "Token event " + metadata.getEventId() + " has a connectionId that is not a UUID");
        }
    }
}
