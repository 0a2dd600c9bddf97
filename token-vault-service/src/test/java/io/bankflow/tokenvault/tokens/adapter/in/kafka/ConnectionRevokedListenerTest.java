package io.bankflow.tokenvault.tokens.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bankflow.events.common.EventMetadata;
import io.bankflow.events.connection.ConnectionRevocationReason;
import io.bankflow.events.connection.ConnectionRevoked;
import io.bankflow.kafkaevents.consumer.NonRetryableEventException;
import io.bankflow.tokenvault.tokens.domain.TokenBinding;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConnectionRevokedListenerTest {

    static final UUID EVENT_ID = UUID.fromString("0b8f5f52-3f55-4a39-9c6c-1f0e7f1d2a10");

    static ConnectionRevoked event(String connectionId, String revokedBy) {
        return ConnectionRevoked.newBuilder()
                .setMetadata(EventMetadata.newBuilder()
                        .setEventId(EVENT_ID)
                        .setOccurredAt(Instant.parse("2026-11-21T10:15:30Z"))
                        .setOrgId("globex-trading")
                        .setCorrelationId("corr-1")
                        .build())
                .setConnectionId(connectionId)
                .setAccountId(UUID.randomUUID().toString())
                .setProvider("sandbox-bank")
                .setReason(ConnectionRevocationReason.USER_REQUEST)
                .setRevokedAt(Instant.parse("2026-11-21T10:15:30Z"))
                .setRevokedBy(revokedBy)
                .build();
    }

    @Test
    void shredsTheConnectionOfTheEventsOrganisation() {
        UUID connection = UUID.randomUUID();

        assertThat(ConnectionRevokedListener.bindingOf(event(connection.toString(), null)))
                .isEqualTo(new TokenBinding("globex-trading", connection));
    }

    @Test
    void auditsTheEventAndWhoRevokedTheConnection() {
        assertThat(ConnectionRevokedListener.actorOf(event(UUID.randomUUID().toString(), "globex-erp")))
                .isEqualTo("ConnectionRevoked " + EVENT_ID + " by globex-erp");
        assertThat(ConnectionRevokedListener.actorOf(event(UUID.randomUUID().toString(), null)))
                .isEqualTo("ConnectionRevoked " + EVENT_ID);
    }

    @Test
    void sendsAnEventWhoseConnectionIdIsNotAUuidStraightToTheDeadLetters() {
        assertThatThrownBy(() -> ConnectionRevokedListener.bindingOf(event("conn-1", null)))
                .isInstanceOf(NonRetryableEventException.class);
    }
}
