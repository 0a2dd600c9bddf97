package io.bankflow.connection.connections.application.port.out;

import io.bankflow.connection.accounts.domain.Iban;
import io.bankflow.connection.connections.domain.BankConnection;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What connection-service tells the others about connections; written in the caller's transaction (outbox). */
public interface ConnectionEvents {

    /** The connection became ACTIVE. */
    void activated(BankConnection connection, Instant activatedAt);

    /**
     * The first sync of a newly active connection, covering history from {@code dateFrom}. The event carries what
     * sync-service needs to run the job without reading our tables: the account, the provider, the consent and the
     * account's IBAN (how sync-service finds the account among those the consent lists).
     *
     * @param accountIban the IBAN of the bank account the connection feeds, or null when it is unknown
     */
    void initialSyncRequested(BankConnection connection, LocalDate dateFrom, @Nullable Iban accountIban);
}
