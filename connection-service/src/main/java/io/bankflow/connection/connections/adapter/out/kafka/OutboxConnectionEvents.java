package io.bankflow.connection.connections.adapter.out.kafka;

import io.bankflow.connection.accounts.domain.Iban;
import io.bankflow.connection.connections.application.port.out.ConnectionEvents;
import io.bankflow.connection.connections.domain.BankConnection;
import io.bankflow.events.EventTopics;
import io.bankflow.events.connection.ConnectionActivated;
import io.bankflow.events.sync.SyncReason;
import io.bankflow.events.sync.SyncRequested;
import io.bankflow.kafkaevents.correlation.EventMetadataFactory;
import io.bankflow.kafkaevents.outbox.OutboxEvents;
import java.time.Instant;
import java.time.LocalDate;
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
    public void activated(BankConnection connection, Instant activatedAt) {
        outbox.append(
                EventTopics.CONNECTION_ACTIVATED,
                connection.id().toString(),
                ConnectionActivated.newBuilder()
                        .setMetadata(metadata.newMetadata(connection.orgId()))
                        .setConnectionId(connection.id().toString())
                        .setAccountId(connection.bankAccountId().toString())
                        .setProvider(connection.provider())
                        .setActivatedAt(activatedAt)
                        // The bank may shorten the validity we asked for; unknown until it is read back.
                        .setConsentValidUntil(null)
                        .setReactivation(false)
                        .build());
    }

    @Override
    public void initialSyncRequested(BankConnection connection, LocalDate dateFrom, @Nullable Iban accountIban) {
        outbox.append(
                EventTopics.SYNC_REQUESTED,
                connection.id().toString(),
                SyncRequested.newBuilder()
                        .setMetadata(metadata.newMetadata(connection.orgId()))
                        .setConnectionId(connection.id().toString())
                        .setReason(SyncReason.INITIAL)
                        .setDateFrom(dateFrom)
                        .setDateTo(null)
                        .setRequestedBy(null)
                        .setAccountId(connection.bankAccountId().toString())
                        .setProvider(connection.provider())
                        .setProviderConsentId(connection.consentId())
                        // Electronic form (no spaces): Iban.value(), never toString(), which is the masked form.
                        .setAccountIban(accountIban == null ? null : accountIban.value())
                        .build());
    }
}
