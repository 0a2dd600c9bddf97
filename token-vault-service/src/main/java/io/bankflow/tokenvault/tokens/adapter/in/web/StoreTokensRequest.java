package io.bankflow.tokenvault.tokens.adapter.in.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PUT /internal/connections/{connectionId}/tokens}.
 *
 * @param orgId the organisation the connection belongs to
 * @param provider the provider that issued the tokens
 * @param accessToken the access token
 * @param refreshToken the refresh token, if the provider issued one
 * @param accessTokenExpiresAt when the access token expires
 * @param refreshTokenExpiresAt when the refresh token expires, if known
 * @param scope the granted scopes, space separated
 */
record StoreTokensRequest(
        @NotBlank @Size(max = 64) String orgId,
        @NotBlank @Size(max = 64) String provider,
        @NotBlank @Size(max = 8192) String accessToken,
        @Size(max = 8192) @Nullable String refreshToken,
        @NotNull Instant accessTokenExpiresAt,
        @Nullable Instant refreshTokenExpiresAt,
        @Size(max = 1000) @Nullable String scope) {

    @Override
    public String toString() {
        // Records print their components; two of these are secrets.
        return "StoreTokensRequest[orgId=" + orgId + ", provider=" + provider + ", accessToken=(redacted)"
                + ", refreshToken=" + (refreshToken == null ? "(none)" : "(redacted)") + "]";
    }
}
