package io.bankflow.tokenvault.tokens.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A successful answer of a provider's token endpoint (RFC 6749 section 5.1), tokens still in clear.
 *
 * @param accessToken the new access token
 * @param refreshToken the refresh token the provider issued with it; null when it issued none (on a refresh: the
 *     current one stays valid)
 * @param expiresIn how long the access token lives ({@code expires_in})
 * @param refreshTokenExpiresIn how long the refresh token lives, when the provider says ({@code refresh_expires_in}
 *     or {@code refresh_token_expires_in}, non-standard); null when unknown
 * @param scope the granted scope, when the provider says
 */
public record ProviderTokens(
        TokenValue accessToken,
        @Nullable TokenValue refreshToken,
        Duration expiresIn,
        @Nullable Duration refreshTokenExpiresIn,
        @Nullable String scope) {

    public ProviderTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresIn, "expiresIn");
        if (expiresIn.isNegative()) {
            throw new IllegalArgumentException("expires_in cannot be negative");
        }
    }

    /**
     * The lifetimes of these tokens as the vault stores them.
     *
     * @param now when the provider answered
     * @param previous the lifetimes of the tokens they replace, for what the provider did not repeat; null for a code
     *     exchange
     * @return the lifetimes
     */
    public TokenLifetimes lifetimes(Instant now, @Nullable TokenLifetimes previous) {
        Instant refreshExpiresAt;
        if (refreshTokenExpiresIn != null) {
            refreshExpiresAt = now.plus(refreshTokenExpiresIn);
        } else if (refreshToken == null && previous != null) {
            // The old refresh token stays in use, and so does what was known about its lifetime.
            refreshExpiresAt = previous.refreshTokenExpiresAt();
        } else {
            refreshExpiresAt = null;
        }
        String grantedScope = scope != null ? scope : previous == null ? null : previous.scope();
        return new TokenLifetimes(now.plus(expiresIn), refreshExpiresAt, grantedScope);
    }

    @Override
    public String toString() {
        return "ProviderTokens[accessToken=(redacted), refreshToken=" + (refreshToken == null ? "(none)" : "(redacted)")
                + ", expiresIn=" + expiresIn + ", scope=" + scope + "]";
    }
}
