package io.bankflow.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rate limit of the public API ({@code /api/banking/**}): a token bucket per organisation ({@code org_id} of the
 * access token) and route, kept in Redis by Spring Cloud Gateway's {@code RequestRateLimiter}.
 *
 * @param replenishRate requests per second an organisation may make on average ({@code BANKFLOW_RATE_LIMIT_REPLENISH_RATE},
 *     default 50); at least 1
 * @param burstCapacity requests an organisation may make at once after a quiet spell ({@code
 *     BANKFLOW_RATE_LIMIT_BURST_CAPACITY}, default 100); at least {@code requestedTokens}
 * @param requestedTokens tokens one request costs (default 1)
 */
@ConfigurationProperties("bankflow.gateway.rate-limit")
public record RateLimitProperties(int replenishRate, long burstCapacity, int requestedTokens) {

    public RateLimitProperties {
        if (replenishRate < 1) {
            throw new IllegalArgumentException(
                    "bankflow.gateway.rate-limit.replenish-rate must be at least 1 but was " + replenishRate);
        }
        if (requestedTokens < 1) {
            throw new IllegalArgumentException(
                    "bankflow.gateway.rate-limit.requested-tokens must be at least 1 but was " + requestedTokens);
        }
        if (burstCapacity < requestedTokens) {
            throw new IllegalArgumentException("bankflow.gateway.rate-limit.burst-capacity (" + burstCapacity
                    + ") must be at least requested-tokens (" + requestedTokens + "), or no request ever passes");
        }
    }
}
