package io.bankflow.webhookingest.providers.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How far a signed timestamp may be from the receiver's clock. Bounds replays of captured deliveries (and tolerates
 * clock skew and network delay), in both directions: a timestamp in the future would otherwise stay replayable for
 * longer.
 *
 * @param tolerance the largest accepted difference, inclusive; whole seconds count
 */
record TimestampTolerance(Duration tolerance) {

    TimestampTolerance {
        if (tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("The timestamp tolerance must be positive, was " + tolerance);
        }
    }

    /**
     * Checks a signed Unix timestamp.
     *
     * @param headerName the header that carried it, for the detail
     * @param signedEpochSecond the timestamp
     * @param now the receiver's clock
     * @return the rejection, or empty when within tolerance
     */
    Optional<Verification> check(String headerName, long signedEpochSecond, Instant now) {
        long limit = tolerance.toSeconds();
        // No overflow: the signed value is non-negative (digits only) and now is a real clock.
        long age = now.getEpochSecond() - signedEpochSecond;
        if (age > limit) {
            return Optional.of(new Verification.Rejected(
                    Verification.Failure.TIMESTAMP_OUT_OF_TOLERANCE,
                    "The " + headerName + " is " + age + " s in the past; at most " + limit + " s are accepted."));
        }
        if (-age > limit) {
            return Optional.of(new Verification.Rejected(
                    Verification.Failure.TIMESTAMP_OUT_OF_TOLERANCE,
                    "The " + headerName + " is " + -age + " s in the future; at most " + limit + " s are accepted."));
        }
        return Optional.empty();
    }

    /** Parses a Unix timestamp of 1 to 12 ASCII digits (years up to 33658); anything else is not one. */
    static Optional<Long> parseEpochSecond(String text) {
        if (text.isEmpty() || text.length() > 12) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
        }
        return Optional.of(Long.parseLong(text));
    }
}
