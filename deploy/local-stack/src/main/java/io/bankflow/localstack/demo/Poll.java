package io.bankflow.localstack.demo;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting for asynchronous outcomes (events travel through Kafka) with a deadline, by polling the API. */
public final class Poll {

    private Poll() {}

    /**
     * Calls {@code probe} every {@code interval} until it answers a value, and returns it; after {@code timeout}, a
     * {@link TimeoutException} saying what did not happen (and the last failure, when the probe threw). An
     * {@link ApiException} with a 4xx status other than 429 ends the wait at once.
     */
    public static <T> T until(String what, Duration timeout, Duration interval, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException lastFailure = null;
        while (true) {
            try {
                Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return value.get();
                }
                lastFailure = null;
            } catch (ApiException e) {
                if (e.response().status() >= 400
                        && e.response().status() < 500
                        && e.response().status() != 429) {
                    throw e; // a refused request is not going to be accepted by waiting
                }
                lastFailure = e;
            } catch (RuntimeException e) {
                lastFailure = e;
            }
            if (System.nanoTime() >= deadline) {
                throw new TimeoutException(
                        what + " did not happen within " + timeout.toSeconds() + " s"
                                + (lastFailure == null ? "" : " (last error: " + lastFailure.getMessage() + ")"),
                        lastFailure);
            }
            sleep(interval);
        }
    }

    /**
     * Reads {@code read} until it answers the same value for {@code quiet}: consumers have caught up with the events
     * published so far. The value must also pass {@code acceptable} (e.g. "not empty" when events are expected).
     */
    public static <T> T settled(
            String what, Duration timeout, Duration quiet, Supplier<T> read, Predicate<T> acceptable) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        long stableSince = System.nanoTime();
        while (true) {
            T now = read.get();
            if (!Objects.equals(now, last)) {
                last = now;
                stableSince = System.nanoTime();
            } else if (acceptable.test(now) && System.nanoTime() - stableSince >= quiet.toNanos()) {
                return now;
            }
            if (System.nanoTime() >= deadline) {
                throw new TimeoutException(
                        what + " did not settle within " + timeout.toSeconds() + " s (last: " + now + ")", null);
            }
            sleep(Duration.ofMillis(250));
        }
    }

    private static void sleep(Duration interval) {
        try {
            Thread.sleep(interval); // polling interval
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    /** A wait that ran out. */
    public static final class TimeoutException extends RuntimeException {
        TimeoutException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Optional.of(value) when the condition holds: for probes. */
    public static <T> Optional<T> when(boolean condition, T value) {
        return condition ? Optional.of(value) : Optional.empty();
    }
}
