package io.bankflow.sync.jobs.domain;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When a job that hit a retryable fault runs again: exponential backoff from {@code firstDelay}, capped at {@code
 * maxDelay}, never sooner than the provider asked ({@code Retry-After}), at most {@code maxAttempts} runs in all.
 *
 * @param maxAttempts runs in all, the first included
 * @param firstDelay the wait after the first failed run
 * @param maxDelay the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= firstDelay <= maxDelay");
        }
    }

    /**
     * The wait before the next run after run number {@code attempt} (1-based) failed with {@code failure}; empty when
     * the job must fail now.
     */
    public Optional<Duration> nextDelay(int attempt, SyncFailure failure, @Nullable Duration retryAfter) {
        if (!failure.retryable() || attempt >= maxAttempts) {
            return Optional.empty();
        }
        long factor = 1L << Math.min(attempt - 1, 20);
        Duration backoff = firstDelay.multipliedBy(factor);
        if (backoff.compareTo(maxDelay) > 0) {
            backoff = maxDelay;
        }
        if (retryAfter != null && retryAfter.compareTo(backoff) > 0) {
            backoff = retryAfter;
        }
        return Optional.of(backoff);
    }
}
