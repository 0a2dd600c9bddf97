package io.bankflow.tokenvault.tokens.adapter.out.kafka;

import io.bankflow.events.EventTopics;
import io.bankflow.events.token.TokenExpired;
import io.bankflow.events.token.TokenExpiryReason;
import io.bankflow.events.token.TokenRefreshed;
import io.bankflow.events.token.TokenRevoked;
import io.bankflow.kafkaevents.correlation.EventMetadataFactory;
import io.bankflow.kafkaevents.outbox.OutboxEvents;
import io.bankflow.tokenvault.tokens.application.port.out.TokenEvents;
import io.bankflow.tokenvault.tokens.domain.ExpiryReason;
import io.bankflow.tokenvault.tokens.domain.TokenRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
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

    @Override
    public void refreshed(TokenRecord refreshed, boolean rotated) {
        String connectionId = refreshed.binding().connectionId().toString();
        Instant refreshExpiresAt = refreshed.lifetimes().refreshTokenExpiresAt();
        outbox.append(
                EventTopics.TOKEN_REFRESHED,
                connectionId,
                TokenRefreshed.newBuilder()
                        .setMetadata(metadata.newMetadata(refreshed.binding().orgId()))
                        .setConnectionId(connectionId)
                        .setAccessTokenExpiresAt(
                                refreshed.lifetimes().accessTokenExpiresAt().truncatedTo(ChronoUnit.MILLIS))
                        .setRefreshTokenExpiresAt(
                                refreshExpiresAt == null ? null : refreshExpiresAt.truncatedTo(ChronoUnit.MILLIS))
                        .setRotated(rotated)
                        .build());
    }

    @Override
    public void expired(TokenRecord expired, ExpiryReason reason, @Nullable String providerErrorCode) {
        String connectionId = expired.binding().connectionId().toString();
        outbox.append(
                EventTopics.TOKEN_EXPIRED,
                connectionId,
                TokenExpired.newBuilder()
                        .setMetadata(metadata.newMetadata(expired.binding().orgId()))
                        .setConnectionId(connectionId)
                        .setReason(
                                switch (reason) {
                                    case REFRESH_FAILED -> TokenExpiryReason.REFRESH_FAILED;
                                    case CONSENT_EXPIRED -> TokenExpiryReason.CONSENT_EXPIRED;
                                    case REVOKED_BY_PROVIDER -> TokenExpiryReason.REVOKED_BY_PROVIDER;
                                })
                        .setExpiredAt(expired.updatedAt().truncatedTo(ChronoUnit.MILLIS))
                        .setProviderErrorCode(providerErrorCode)
                        .build());
    }
}
