package io.bankflow.connection.challenges;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Two-factor challenges ({@code bankflow.challenges.*}).
 *
 * @param defaultTtl how long a challenge lives when its creator does not say
 * @param maxTtl the longest a creator may ask for
 * @param defaultMaxAttempts attempts allowed when its creator does not say (at most 5)
 * @param expiry the job that expires challenges nobody finished (and so erases their OTP hashes)
 */
@Validated
@ConfigurationProperties("bankflow.challenges")
public record ChallengesProperties(
        @NotNull Duration defaultTtl,
        @NotNull Duration maxTtl,
        @Min(1) @Max(5) int defaultMaxAttempts,
        @Valid @NotNull Expiry expiry) {

    /**
     * @param enabled whether this instance runs the job
     * @param interval the pause between two runs
     */
    public record Expiry(boolean enabled, @NotNull Duration interval) {}
}
