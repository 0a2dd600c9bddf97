package io.bankflow.tokenvault.tokens.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The secret material of a token record in clear: what gets encrypted.
 *
 * @param accessToken the access token
 * @param refreshToken the refresh token, when the provider issued one
 */
public record TokenSecrets(TokenValue accessToken, @Nullable TokenValue refreshToken) {

    public TokenSecrets {
        Objects.requireNonNull(accessToken, "accessToken");
    }
}
