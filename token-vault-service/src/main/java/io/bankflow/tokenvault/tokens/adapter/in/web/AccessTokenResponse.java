package io.bankflow.tokenvault.tokens.adapter.in.web;

import java.time.Instant;

/**
 * An access token for one call to the provider.
 *
 * @param accessToken the token
 * @param expiresAt when it expires
 */
record AccessTokenResponse(String accessToken, Instant expiresAt) {

    @Override
    public String toString() {
        return "AccessTokenResponse[accessToken=(redacted), expiresAt=" + expiresAt + "]";
    }
}
