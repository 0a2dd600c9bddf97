package io.bankflow.sandboxbank.controls;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Failures the test controls queued for the next AIS calls ({@code /v1/**}): a status to answer, or 429 with
 * {@code Retry-After}. Queued failures are used up in order: first the status failures, then the 429s.
 */
@Component
public class Faults {

    /** What the next call answers instead of its normal response. */
    public sealed interface Fault {}

    /** An error status (500, 502, 503, 504, ...). */
    public record Failure(int status) implements Fault {}

    /** 429 Too Many Requests with Retry-After. */
    public record RateLimited(Duration retryAfter) implements Fault {}

    private int failures;
    private int failureStatus;
    private int rateLimited;
    private Duration retryAfter = Duration.ZERO;

    /** The next {@code count} AIS calls answer {@code status}. */
    public synchronized void failNext(int count, int status) {
        this.failures = Math.max(0, count);
        this.failureStatus = status;
    }

    /** The next {@code count} AIS calls answer 429 with {@code Retry-After: seconds}. */
    public synchronized void rateLimitNext(int count, Duration retryAfter) {
        this.rateLimited = Math.max(0, count);
        this.retryAfter = retryAfter;
    }

    /** Takes the fault for this call, if one is queued. */
    public synchronized Optional<Fault> take() {
        if (failures > 0) {
            failures--;
            return Optional.of(new Failure(failureStatus));
        }
        if (rateLimited > 0) {
            rateLimited--;
            return Optional.of(new RateLimited(retryAfter));
        }
        return Optional.empty();
    }

    public synchronized void clear() {
        failures = 0;
        rateLimited = 0;
    }

    /** What is queued, for the controls' answers. */
    public synchronized java.util.Map<String, Object> describe() {
        java.util.Map<String, @Nullable Object> queued = new java.util.LinkedHashMap<>();
        queued.put("failures", failures);
        queued.put("failureStatus", failures > 0 ? failureStatus : null);
        queued.put("rateLimited", rateLimited);
        queued.put("retryAfterSeconds", rateLimited > 0 ? retryAfter.toSeconds() : null);
        java.util.Map<String, Object> result = new java.util.LinkedHashMap<>();
        queued.forEach((key, value) -> {
            if (value != null) {
                result.put(key, value);
            }
        });
        return result;
    }
}
