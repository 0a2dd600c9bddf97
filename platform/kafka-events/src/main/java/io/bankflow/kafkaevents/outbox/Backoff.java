package io.bankflow.kafkaevents.outbox;

import java.time.Duration;

/**
 * Exponential backoff between attempts to publish the same event: {@code initial}, then doubling, capped at {@code
 * max}.
 */
record Backoff(Duration initial, Duration max) {

    /** The pause after {@code failures} consecutive failed attempts (1 = the first failure). */
    Duration afterFailures(int failures) {
        if (failures < 1) {
            return Duration.ZERO;
        }
        // Beyond 2^30 the cap has long been reached; stopping the shift there avoids overflow.
        int doublings = Math.min(failures - 1, 30);
        long millis = initial.toMillis();
        long scaled = millis > max.toMillis() >> doublings ? max.toMillis() : millis << doublings;
        return Duration.ofMillis(Math.min(scaled, max.toMillis()));
    }
}
