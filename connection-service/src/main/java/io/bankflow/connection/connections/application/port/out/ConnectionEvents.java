package io.bankflow.connection.connections.application.port.out;

import io.bankflow.connection.accounts.domain.Iban;
import io.bankflow.connection.connections.domain.BankConnection;
import io.bankflow.connection.connections.domain.ExpiryReason;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What connection-service tells the others about connections; written in the caller's transaction (outbox). */
public interface ConnectionEvents {

    /**
     * The connection became ACTIVE (ConnectionActivated, with the moment its consent ends).
     *
     * @param reactivation whether it was re-authorised after an expiry or error, not activated for the first time
     */
    void activated(BankConnection connection, Instant activatedAt, boolean reactivation);

    /**
     * The first sync of a newly active connection, covering history from {@code dateFrom}. The event carries what
     * sync-service needs to run the job without reading our tables: the account, the provider, the consent and the
     * account's IBAN (how sync-service finds the account among those the consent lists).
     *
     * @param accountIban the IBAN of the bank account the connection feeds, or null when it is unknown
     */
    void initialSyncRequested(BankConnection connection, LocalDate dateFrom, @Nullable Iban accountIban);

    /** The connection's consent ends soon (ConsentExpiring); the connection has a known consent end. */
    void consentExpiring(BankConnection connection);

    /**
     * The connection EXPIRED (ConnectionExpired).
     *
     * @param causationId the event that caused it (TokenExpired, SyncJobFailed), or null (the expiry job)
     */
    void expired(BankConnection connection, ExpiryReason reason, Instant expiredAt, @Nullable UUID causationId);

    /**
     * The connection was disconnected (ConnectionRevoked): token-vault-service destroys its tokens.
     *
     * @param revokedBy the API client that disconnected it, or null for the system
     */
    void revoked(BankConnection connection, Instant revokedAt, @Nullable String revokedBy);
}
