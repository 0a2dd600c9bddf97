package io.bankflow.gateway;

import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.http.HttpHeaders;

/**
 * The headers of a 429: the token bucket's state as {@link RedisRateLimiter} reports it ({@code X-RateLimit-*}) and
 * {@code Retry-After}, the whole seconds until the bucket holds enough tokens for one more request.
 */
final class RateLimitHeaders {

    static final String RETRY_AFTER = HttpHeaders.RETRY_AFTER;

    private RateLimitHeaders() {}

    /**
     * @param limiter the headers the rate limiter reported with its denial
     * @param response the response headers to complete
     */
    static void copy(@Nullable HttpHeaders limiter, HttpHeaders response) {
        if (limiter != null) {
            limiter.forEach((name, values) -> {
                if (name.regionMatches(true, 0, "X-RateLimit-", 0, "X-RateLimit-".length())) {
                    response.put(name, values); // set, not add: the filter may have put them on the response already
                }
            });
        }
        response.set(RETRY_AFTER, Long.toString(retryAfterSeconds(limiter)));
    }

    /** Tokens come back at the replenish rate per second (Redis' clock, whole seconds): at least one second. */
    static long retryAfterSeconds(@Nullable HttpHeaders limiter) {
        long replenishRate = number(limiter, RedisRateLimiter.REPLENISH_RATE_HEADER);
        long requested = number(limiter, RedisRateLimiter.REQUESTED_TOKENS_HEADER);
        long remaining = Math.max(0, number(limiter, RedisRateLimiter.REMAINING_HEADER));
        if (replenishRate <= 0 || requested <= 0) {
            return 1;
        }
        long missing = Math.max(0, requested - remaining);
        return Math.max(1, (missing + replenishRate - 1) / replenishRate);
    }

    private static long number(@Nullable HttpHeaders headers, String name) {
        String value = headers == null ? null : headers.getFirst(name);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
