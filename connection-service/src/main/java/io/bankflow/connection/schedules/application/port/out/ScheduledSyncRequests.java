package io.bankflow.connection.schedules.application.port.out;

import io.bankflow.connection.accounts.domain.Iban;
import io.bankflow.connection.connections.domain.BankConnection;
import org.jspecify.annotations.Nullable;

/** Asks sync-service for a scheduled sync (SyncRequested, reason SCHEDULED), through the outbox. */
public interface ScheduledSyncRequests {

    /**
     * Requests a sync of the connection, in the caller's transaction.
     *
     * @param connection the active connection
     * @param accountIban the IBAN of the account it feeds, if known
     */
    void requested(BankConnection connection, @Nullable Iban accountIban);
}
