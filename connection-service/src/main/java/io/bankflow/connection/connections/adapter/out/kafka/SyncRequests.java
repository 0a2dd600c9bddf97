package io.bankflow.connection.connections.adapter.out.kafka;

import io.bankflow.connection.accounts.domain.Iban;
import io.bankflow.connection.connections.domain.BankConnection;
import io.bankflow.events.common.EventMetadata;
import io.bankflow.events.sync.SyncReason;
import io.bankflow.events.sync.SyncRequested;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * SyncRequested for a connection, naming everything sync-service needs to run the job (account, provider, consent,
 * IBAN): one shape for the activation's first sync and the schedule's syncs.
 */
public final class SyncRequests {

    private SyncRequests() {}

    /**
     * @param dateFrom first booking date, or null: sync-service continues from its saved cursor
     * @param accountIban the account's IBAN, when known
     */
    public static SyncRequested of(
            EventMetadata metadata,
            BankConnection connection,
            SyncReason reason,
            @Nullable LocalDate dateFrom,
            @Nullable Iban accountIban) {
        return SyncRequested.newBuilder()
                .setMetadata(metadata)
                .setConnectionId(connection.id().toString())
                .setReason(reason)
                .setDateFrom(dateFrom)
                .setDateTo(null)
                // The system asked, not a user.
                .setRequestedBy(null)
                .setAccountId(connection.bankAccountId().toString())
                .setProvider(connection.provider())
                .setProviderConsentId(connection.consentId())
                // Electronic form (no spaces): Iban.value(), never toString(), which is the masked form.
                .setAccountIban(accountIban == null ? null : accountIban.value())
                .build();
    }
}
