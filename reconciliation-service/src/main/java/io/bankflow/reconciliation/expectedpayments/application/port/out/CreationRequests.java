package io.bankflow.reconciliation.expectedpayments.application.port.out;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code Idempotency-Key}s of expected-payment creations, so a client that retries a POST whose response it lost
 * gets the same expected payment instead of a conflict.
 */
public interface CreationRequests {

    /**
     * Claims a key for a new expected payment, in the caller's transaction. A concurrent claim of the same key waits
     * for the other transaction: when that one commits, this returns its claim.
     *
     * @param fingerprint what the request asked for, to refuse a key reused for another request
     * @param expiredBefore claims older than this are forgotten and the key may be claimed anew
     * @return empty when this request holds the key now; otherwise the earlier, unexpired claim
     */
    Optional<EarlierCreation> claim(
            String orgId, String key, String fingerprint, UUID expectedPaymentId, Instant now, Instant expiredBefore);

    /**
     * An earlier creation under the same key.
     *
     * @param fingerprint what that request asked for
     * @param expectedPaymentId what it created
     */
    record EarlierCreation(String fingerprint, UUID expectedPaymentId) {}
}
