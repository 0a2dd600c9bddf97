package io.bankflow.tokenvault.tokens.adapter.out.kafka;

import io.bankflow.events.EventTopics;
import io.bankflow.events.token.TokenRevoked;
import io.bankflow.kafkaevents.correlation.EventMetadataFactory;
import io.bankflow.kafkaevents.outbox.OutboxEvents;
import io.bankflow.tokenvault.tokens.application.port.out.TokenEvents;
import io.bankflow.tokenvault.tokens.domain.TokenRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** {@link TokenEvents} as Avro events appended to the outbox in the caller's transaction, keyed by connection id. */
@Component
class OutboxTokenEvents implements TokenEvents {

    private final OutboxEvents outbox;
    private final EventMetadataFactory metadata;

    OutboxTokenEvents(OutboxEvents outbox, EventMetadataFactory metadata) {
        this.outbox = outbox;
        this.metadata = metadata;
    }

    @Override
    public void revoked(TokenRecord shredded) {
        Instant shreddedAt = Objects.requireNonNull(shredded.shreddedAt(), "shreddedAt");
        String connectionId = shredded.binding().connectionId().toString();
        outbox.append(
                EventTopics.TOKEN_REVOKED,
                connectionId,
                TokenRevoked.newBuilder()
                        // Correlation id: the request's, or the ConnectionRevoked event's (MDC).
                        .setMetadata(metadata.newMetadata(shredded.binding().orgId()))
                        .setConnectionId(connectionId)
                        .setRevokedAt(shreddedAt.truncatedTo(ChronoUnit.MILLIS))
                        // Revocation at the provider (RFC 7009) comes with the provider adapters.
                        .setRevokedAtProvider(false)
                        .build());
    }
}
