package io.bankflow.tokenvault.tokens.application.port.out;

import io.bankflow.tokenvault.tokens.domain.TokenRecord;
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
}
