package io.bankflow.connection.accounts.application.port.out;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code Idempotency-Key}s of account creations, so a client that retries a POST whose response it lost gets the
 * same account again.
 */
public interface AccountCreationRequests {

    /**
     * Takes the key for this transaction without waiting.
     *
     * @return false when another request with the same key is still running
     */
    boolean tryLock(String orgId, String key);

    /** The creation made under the key since {@code notBefore}, if any. */
    Optional<EarlierCreation> find(String orgId, String key, Instant notBefore);

    /** Remembers the creation under the key (replacing a forgotten, expired one). */
    void record(String orgId, String key, String fingerprint, UUID accountId, Instant now);

    /**
     * An earlier creation under the same key.
     *
     * @param fingerprint what that request asked for
     * @param accountId what it created
     */
    record EarlierCreation(String fingerprint, UUID accountId) {}
}
