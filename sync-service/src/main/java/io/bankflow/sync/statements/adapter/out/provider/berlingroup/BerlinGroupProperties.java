package io.bankflow.sync.statements.adapter.out.provider.berlingroup;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Berlin Group (NextGenPSD2) provider adapter.
 *
 * <p>No Resilience4j here (not on the class path): one retry per call, bounded. A 429 whose {@code Retry-After} is at
 * most {@code maxRetryAfterWait} is waited out once; a longer one (PSD2's daily quota answers "after midnight") fails
 * the call as rate limited at once. A transient failure (5xx, 408, I/O) is retried once after
 * {@code transientRetryBackoff}. Quota-limited APIs (4 unattended reads per account and day) must not be hammered.
 *
 * @param baseUrl the bank's API root (the part before {@code /v1}); the local stack's sandbox bank by default
 * @param connectTimeout TCP connect timeout
 * @param readTimeout longest wait for one answer
 * @param maxRetryAfterWait longest {@code Retry-After} waited out once before failing as rate limited
 * @param transientRetryBackoff pause before the one retry of a transient failure
 * @param maxPages most pages one transaction listing may have: a guard against link loops
 */
@Validated
@ConfigurationProperties("bankflow.sync.berlin-group")
public record BerlinGroupProperties(
        @NotNull @DefaultValue("http://127.0.0.1:18670") URI baseUrl,
        @NotNull @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DefaultValue("30s") Duration readTimeout,
        @NotNull @DefaultValue("10s") Duration maxRetryAfterWait,
        @NotNull @DefaultValue("1s") Duration transientRetryBackoff,
        @Min(1) @Max(100_000) @DefaultValue("1000") int maxPages) {}
