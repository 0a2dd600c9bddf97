package io.bankflow.connection.connections.adapter.out.kafka;

import io.bankflow.connection.accounts.domain.Iban;
import io.bankflow.connection.connections.application.port.out.ConnectionEvents;
import io.bankflow.connection.connections.domain.BankConnection;
import io.bankflow.connection.connections.domain.ExpiryReason;
import io.bankflow.events.EventTopics;
import io.bankflow.events.common.EventMetadata;
import io.bankflow.events.connection.ConnectionActivated;
import io.bankflow.events.connection.ConnectionExpired;
import io.bankflow.events.connection.ConnectionExpiryReason;
import io.bankflow.events.connection.ConnectionRevocationReason;
import io.bankflow.events.connection.ConnectionRevoked;
import io.bankflow.events.connection.ConsentExpiring;
import io.bankflow.events.sync.SyncReason;
import io.bankflow.kafkaevents.correlation.EventMetadataFactory;
import io.bankflow.kafkaevents.outbox.OutboxEvents;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** {@link ConnectionEvents} as Avro records in the outbox, keyed by connection id (their order per connection holds). */
@Component
class OutboxConnectionEvents implements ConnectionEvents {

    private final OutboxEvents outbox;
    private final EventMetadataFactory metadata;

    OutboxConnectionEvents(OutboxEvents outbox, EventMetadataFactory metadata) {
        this.outbox = outbox;
        this.metadata = metadata;
    }

    @Override
    public void activated(BankConnection connection, Instant activatedAt, boolean reactivation) {
        outbox.append(
                EventTopics.CONNECTION_ACTIVATED,
                connection.id().toString(),
                ConnectionActivated.newBuilder()
                        .setMetadata(metadata.newMetadata(connection.orgId()))
                        .setConnectionId(connection.id().toString())
                        .setAccountId(connection.bankAccountId().toString())
                        .setProvider(connection.provider())
                        .setActivatedAt(millis(activatedAt))
                        // The end of the consent as the bank granted it (read back from the bank after the consent).
                        .setConsentValidUntil(millisOrNull(connection.consentEndsAt()))
                        .setReactivation(reactivation)
                        .build());
    }

    @Override
    public void initialSyncRequested(BankConnection connection, LocalDate dateFrom, @Nullable Iban accountIban) {
        outbox.append(
                EventTopics.SYNC_REQUESTED,
                connection.id().toString(),
                SyncRequests.of(
                        metadata.newMetadata(connection.orgId()),
                        connection,
                        SyncReason.INITIAL,
                        dateFrom,
                        accountIban));
    }

    @Override
    public void consentExpiring(BankConnection connection) {
        Instant endsAt = Objects.requireNonNull(connection.consentEndsAt(), "a warned consent has an end");
        outbox.append(
                EventTopics.CONSENT_EXPIRING,
                connection.id().toString(),
                ConsentExpiring.newBuilder()
                        .setMetadata(metadata.newMetadata(connection.orgId()))
                        .setConnectionId(connection.id().toString())
                        .setAccountId(connection.bankAccountId().toString())
                        .setProvider(connection.provider())
                        .setConsentValidUntil(millis(endsAt))
                        .build());
    }

    @Override
    public void expired(BankConnection connection, ExpiryReason reason, Instant expiredAt, @Nullable UUID causationId) {
        EventMetadata envelope = metadata.newMetadata(connection.orgId());
        if (causationId != null) {
            // Same correlation id as the cause (the listener put it in the MDC); the cause's event id as causation.
            envelope.setCausationId(causationId.toString());
        }
        outbox.append(
                EventTopics.CONNECTION_EXPIRED,
                connection.id().toString(),
                ConnectionExpired.newBuilder()
                        .setMetadata(envelope)
                        .setConnectionId(connection.id().toString())
                        .setAccountId(connection.bankAccountId().toString())
                        .setProvider(connection.provider())
                        .setReason(
                                switch (reason) {
                                    case CONSENT_EXPIRED -> ConnectionExpiryReason.CONSENT_EXPIRED;
                                    case TOKEN_REFRESH_FAILED -> ConnectionExpiryReason.TOKEN_REFRESH_FAILED;
                                    case REVOKED_BY_PROVIDER -> ConnectionExpiryReason.REVOKED_BY_PROVIDER;
                                    case OTHER -> ConnectionExpiryReason.OTHER;
                                })
                        .setExpiredAt(millis(expiredAt))
                        .setConsentValidUntil(millisOrNull(connection.consentEndsAt()))
                        .build());
    }

    @Override
    public void revoked(BankConnection connection, Instant revokedAt, @Nullable String revokedBy) {
        outbox.append(
                EventTopics.CONNECTION_REVOKED,
                connection.id().toString(),
                ConnectionRevoked.newBuilder()
                        .setMetadata(metadata.newMetadata(connection.orgId()))
                        .setConnectionId(connection.id().toString())
                        .setAccountId(connection.bankAccountId().toString())
                        .setProvider(connection.provider())
                        .setReason(ConnectionRevocationReason.USER_REQUEST)
                        .setRevokedAt(millis(revokedAt))
                        .setRevokedBy(revokedBy)
                        .build());
    }

    /** The wire type is timestamp-millis: truncated here so the record equals what consumers decode. */
    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static @Nullable Instant millisOrNull(@Nullable Instant instant) {
        return instant == null ? null : millis(instant);
    }
}
