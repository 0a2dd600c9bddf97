package io.bankflow.tokenvault.tokens.application.port.out;

import io.bankflow.tokenvault.tokens.domain.TokenRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stored token records, one per connection. */
public interface TokenRecords {

    /**
     * The record of a connection, whichever organisation it belongs to: for the check that a connection is not stored
     * under a second organisation. Callers compare the organisation before using it.
     *
     * @param connectionId the connection
     * @return its record, if one was ever stored (tombstones included)
     */
    Optional<TokenRecord> findByConnection(UUID connectionId);

    /**
     * The record of an organisation's connection.
     *
     * @param orgId the organisation
     * @param connectionId the connection
     * @return its record; empty when there is none or it belongs to another organisation
     */
    Optional<TokenRecord> find(String orgId, UUID connectionId);

    /**
     * Inserts a new record or updates the stored one (optimistically locked on {@link TokenRecord#version()}).
     *
     * @param record the record's new state
     */
    void save(TokenRecord record);

    /**
     * Active records whose access token expires before a moment, soonest first: the candidates of a refresh round. Not
     * locked; each is locked with {@link #lock} before it is refreshed.
     *
     * @param accessTokenExpiresBefore the moment
     * @param limit how many at most
     * @return their connection ids
     */
    List<UUID> activeExpiringBefore(Instant accessTokenExpiresBefore, int limit);

    /**
     * Reads a connection's record and locks it until the current transaction ends ({@code SELECT ... FOR UPDATE}), so
     * that one refresh at a time uses its refresh token: with rotation, two would burn it. Needs a transaction.
     *
     * @param connectionId the connection
     * @param skipLocked true: answer empty at once when another transaction holds the lock (a refresh round, which
     *     leaves the record to whoever holds it); false: wait for it (a caller that needs the token now)
     * @return the record, if there is one and (with {@code skipLocked}) nobody else holds it
     */
    Optional<TokenRecord> lock(UUID connectionId, boolean skipLocked);
}
