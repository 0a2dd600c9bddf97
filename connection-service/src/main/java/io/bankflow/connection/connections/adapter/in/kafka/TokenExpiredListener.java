package io.bankflow.connection.connections.adapter.in.kafka;

import io.bankflow.connection.connections.application.ExpireConnection;
import io.bankflow.connection.connections.domain.ExpiryReason;
import io.bankflow.events.EventTopics;
import io.bankflow.events.token.TokenExpired;
import io.bankflow.kafkaevents.inbox.ProcessedEvents;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes {@code TokenExpired} (token-vault-service): the connection EXPIRES, once per event. */
@Component
class TokenExpiredListener {

    /** The consumer name under which processed events are remembered; stable, renaming it reprocesses everything. */
    static final String CONSUMER = "connection-token-expired";

    private final ProcessedEvents processedEvents;
    private final ExpireConnection expireConnection;

    TokenExpiredListener(ProcessedEvents processedEvents, ExpireConnection expireConnection) {
        this.processedEvents = processedEvents;
        this.expireConnection = expireConnection;
    }

    @KafkaListener(id = CONSUMER, topics = EventTopics.TOKEN_EXPIRED, groupId = "${spring.kafka.consumer.group-id}")
    void on(ConsumerRecord<String, TokenExpired> record) {
        TokenExpired event = record.value();
        UUID connectionId = Events.connectionId(event.getConnectionId(), "TokenExpired", event.getMetadata());
        ExpiryReason reason = switch (event.getReason()) {
            case REFRESH_FAILED -> ExpiryReason.TOKEN_REFRESH_FAILED;
            case CONSENT_EXPIRED -> ExpiryReason.CONSENT_EXPIRED;
            case REVOKED_BY_PROVIDER -> ExpiryReason.REVOKED_BY_PROVIDER;
            case OTHER -> ExpiryReason.OTHER;
        };
        processedEvents.runOnce(
                CONSUMER,
                record,
                () -> expireConnection.tokensExpired(
                        event.getMetadata().getOrgId(),
                        connectionId,
                        reason,
                        event.getMetadata().getEventId()));
    }
}
