package io.bankflow.tokenvault.tokens.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An access token handed out for one call to the provider.
 *
 * @param accessToken the token in clear
 * @param expiresAt when the provider said it expires
 */
public record AccessGrant(TokenValue accessToken, Instant expiresAt) {

    public AccessGrant {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
