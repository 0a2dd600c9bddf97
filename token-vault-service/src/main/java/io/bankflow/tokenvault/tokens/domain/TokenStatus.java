package io.bankflow.tokenvault.tokens.domain;

/** Where a token record stands (column {@code status}). */
public enum TokenStatus {
    /** Holds usable secret material. */
    ACTIVE,
    /** Refresh failed or was impossible: the customer must consent again (a code exchange makes it active again). */
    EXPIRED,
    /** Crypto-shredded: the data key and the ciphertexts are gone; only the tombstone is left. */
    REVOKED
}
