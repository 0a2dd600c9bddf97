package io.bankflow.connection.schedules.adapter.out.kafka;

import io.bankflow.connection.accounts.domain.Iban;
import io.bankflow.connection.connections.adapter.out.kafka.SyncRequests;
import io.bankflow.connection.connections.domain.BankConnection;
import io.bankflow.connection.schedules.application.port.out.ScheduledSyncRequests;
import io.bankflow.events.EventTopics;
import io.bankflow.events.sync.SyncReason;
import io.bankflow.kafkaevents.correlation.EventMetadataFactory;
import io.bankflow.kafkaevents.outbox.OutboxEvents;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@link ScheduledSyncRequests} as SyncRequested (reason SCHEDULED) in the outbox, keyed by connection id like the
 * connection's other requests, naming everything sync-service needs (account, provider, consent, IBAN).
 */
@Component
class OutboxScheduledSyncRequests implements ScheduledSyncRequests {

    private final OutboxEvents outbox;
    private final EventMetadataFactory metadata;

    OutboxScheduledSyncRequests(OutboxEvents outbox, EventMetadataFactory metadata) {
        this.outbox = outbox;
        this.metadata = metadata;
    }

    @Override
    public void requested(BankConnection connection, @Nullable Iban accountIban) {
        outbox.append(
                EventTopics.SYNC_REQUESTED,
                connection.id().toString(),
                // No dates: sync-service continues from its saved cursor.
                SyncRequests.of(
                        metadata.newMetadata(connection.orgId()), connection, SyncReason.SCHEDULED, null, accountIban));
    }
}
