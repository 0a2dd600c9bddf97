package io.bankflow.tokenvault.tokens;

import io.bankflow.tokenvault.tokens.domain.RefreshPolicy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Refreshing access tokens before they expire ({@code bankflow.token-vault.refresh.*}).
 *
 * @param enabled whether this instance runs refresh rounds (every instance may: a record is refreshed by one at a time)
 * @param interval the pause between two rounds
 * @param ahead how long before its expiry an access token is refreshed, at the latest; must exceed {@code interval}
 *     plus the provider's answer time, or tokens expire between rounds
 * @param jitter the largest extra lead per connection (fixed per connection), spreading refreshes of tokens issued
 *     together
 * @param batchSize how many records one round looks at, at most
 */
@Validated
@ConfigurationProperties("bankflow.token-vault.refresh")
public record RefreshProperties(
        boolean enabled,
        @NotNull Duration interval,
        @NotNull Duration ahead,
        @NotNull Duration jitter,
        @Min(1) @Max(10_000) int batchSize) {

    /** @return the refresh policy these settings describe */
    public RefreshPolicy policy() {
        return new RefreshPolicy(ahead, jitter);
    }
}
