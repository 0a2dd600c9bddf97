package io.bankflow.webhookingest.endpoints.application.port.out;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code Idempotency-Key}s of endpoint creations, so a client that retries a POST whose response it lost gets the
 * same endpoint instead of a second one.
 */
public interface CreationRequests {

    /**
     * Claims a key for a new endpoint, in the caller's transaction. A concurrent claim of the same key waits for the
     * other transaction: when that one commits, this returns its claim.
     *
     * @param orgId the organisation (keys are per organisation)
     * @param key the client's idempotency key
     * @param fingerprint what the request asked for (no secrets), to refuse a key reused for another request
     * @param endpointId the endpoint this request will create
     * @param now the claim's time
     * @param expiredBefore claims older than this are forgotten and the key may be claimed anew
     * @return empty when this request holds the key now; otherwise the earlier, unexpired claim
     */
    Optional<EarlierCreation> claim(
            String orgId, String key, String fingerprint, UUID endpointId, Instant now, Instant expiredBefore);

    /**
     * An earlier creation under the same key.
     *
     * @param fingerprint what that request asked for
     * @param endpointId the endpoint it created
     */
    record EarlierCreation(String fingerprint, UUID endpointId) {}
}
