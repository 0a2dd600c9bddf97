package io.bankflow.webhookingest.providers.domain;

import java.time.Instant;
import java.util.Objects;

/** The outcome of checking a delivery's signature and timestamp. */
public sealed interface Verification {

    /**
     * The signature matches and the timestamp is within tolerance.
     *
     * @param signedAt the moment the provider says it signed the delivery
     */
    record Verified(Instant signedAt) implements Verification {
        public Verified {
            Objects.requireNonNull(signedAt, "signedAt");
        }
    }

    /**
     * The delivery failed a check.
     *
     * @param failure which kind of check failed
     * @param detail which check exactly, for the provider's operators; never contains a secret or a signature
     */
    record Rejected(Failure failure, String detail) implements Verification {
        public Rejected {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Why a delivery was rejected. */
    enum Failure {
        /** The signature or the headers it depends on are missing, malformed, or match nothing. */
        SIGNATURE_INVALID,
        /**
         * The signature matches but the signed timestamp is outside the tolerance: a replay, or a delivery held up for
         * too long. Providers retry with a fresh timestamp.
         */
        TIMESTAMP_OUT_OF_TOLERANCE
    }

    /** A signature-invalid rejection. */
    static Verification invalid(String detail) {
        return new Rejected(Failure.SIGNATURE_INVALID, detail);
    }

    /** Whether the delivery passed. */
    default boolean verified() {
        return this instanceof Verified;
    }
}
