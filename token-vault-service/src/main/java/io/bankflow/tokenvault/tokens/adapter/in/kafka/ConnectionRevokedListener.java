package io.bankflow.tokenvault.tokens.adapter.in.kafka;

import io.bankflow.events.EventTopics;
import io.bankflow.events.connection.ConnectionRevoked;
import io.bankflow.kafkaevents.consumer.NonRetryableEventException;
import io.bankflow.kafkaevents.inbox.ProcessedEvents;
import io.bankflow.tokenvault.tokens.application.ShredTokens;
import io.bankflow.tokenvault.tokens.domain.TokenBinding;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes {@code ConnectionRevoked}: the connection's tokens are shredded, once per event. */
@Component
class ConnectionRevokedListener {

    /** The consumer name under which processed events are remembered; stable, renaming it reprocesses everything. */
    static final String CONSUMER = "token-vault-connection-revoked";

    private final ProcessedEvents processedEvents;
    private final ShredTokens shredTokens;

    ConnectionRevokedListener(ProcessedEvents processedEvents, ShredTokens shredTokens) {
        this.processedEvents = processedEvents;
        this.shredTokens = shredTokens;
    }

    @KafkaListener(
            id = CONSUMER,
            topics = EventTopics.CONNECTION_REVOKED,
            groupId = "${spring.kafka.consumer.group-id}")
    void on(ConsumerRecord<String, ConnectionRevoked> record) {
        TokenBinding binding = bindingOf(record.value());
        String actor = actorOf(record.value());
        processedEvents.runOnce(CONSUMER, record, () -> shredTokens.connectionRevoked(binding, actor));
    }

    static TokenBinding bindingOf(ConnectionRevoked event) {
        try {
            return new TokenBinding(event.getMetadata().getOrgId(), UUID.fromString(event.getConnectionId()));
        } catch (IllegalArgumentException e) {
            // Retrying cannot fix a broken contract: straight to the dead-letter topic.
            throw new NonRetryableEventException("ConnectionRevoked "
                    + event.getMetadata().getEventId() + " has no organisation or a connectionId that is not a UUID");
        }
    }

    /** The audit's actor: the event, and who revoked the connection when a person or client did. */
    static String actorOf(ConnectionRevoked event) {
        String by = event.getRevokedBy() == null ? "" : " by " + event.getRevokedBy();
        String actor = "ConnectionRevoked " + event.getMetadata().getEventId() + by;
        return actor.length() <= 200 ? actor : actor.substring(0, 200);
    }
}
