package io.bankflow.connection.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves: the service's {@code Clock} bean replaced by this one (declared {@code @Primary} in a test
 * configuration) makes time-based rules (consent expiry, state lifetimes) testable without waiting. Until a test sets
 * it, it follows the system clock.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    /** From now on the time is {@code instant} (until moved again). */
    public void set(Instant instant) {
        fixed.set(instant);
    }

    /** Back to the system's time. */
    public void reset() {
        fixed.set(null);
    }

    @Override
    public Instant instant() {
        Instant instant = fixed.get();
        return instant == null ? Instant.now() : instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The service's clock is UTC");
    }

    /** The time {@code duration} after now. */
    public Instant plus(Duration duration) {
        return instant().plus(duration);
    }
}
