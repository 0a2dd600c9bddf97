package io.bankflow.connection.connections.application.port.out;

import io.bankflow.connection.connections.domain.BankConnection;
import java.time.Instant;
import java.time.LocalDate;

/** What connection-service tells the others about connections; written in the caller's transaction (outbox). */
public interface ConnectionEvents {

    /** The connection became ACTIVE. */
    void activated(BankConnection connection, Instant activatedAt);

    /** The first sync of a newly active connection, covering history from {@code dateFrom}. */
    void initialSyncRequested(BankConnection connection, LocalDate dateFrom);
}
