package io.bankflow.tokenvault.tokens;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Rules for handing out access tokens ({@code bankflow.token-vault.access-tokens.*}).
 *
 * @param minimumValidity how long an access token must still be valid to be handed out: it has to outlive the call it
 *     is handed out for; a token closer to its expiry answers 409 {@code token-expired}
 */
@Validated
@ConfigurationProperties("bankflow.token-vault.access-tokens")
public record AccessTokenProperties(@NotNull Duration minimumValidity) {}
