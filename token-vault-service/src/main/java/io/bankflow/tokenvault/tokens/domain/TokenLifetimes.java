package io.bankflow.tokenvault.tokens.domain;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Until when the provider's tokens are valid, as the provider said; not secret.
 *
 * @param accessTokenExpiresAt when the access token expires
 * @param refreshTokenExpiresAt when the refresh token expires; null when unknown or there is none
 * @param scope the scopes granted, space separated; null when the provider did not say
 */
public record TokenLifetimes(
        Instant accessTokenExpiresAt,
        @Nullable Instant refreshTokenExpiresAt,
        @Nullable String scope) {

    public TokenLifetimes {
        Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
    }
}
