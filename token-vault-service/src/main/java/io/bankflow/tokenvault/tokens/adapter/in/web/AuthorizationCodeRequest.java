package io.bankflow.tokenvault.tokens.adapter.in.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /internal/connections/{connectionId}/authorization-code}: what the bank's redirect gave
 * connection-service, plus what it kept from the authorization request.
 *
 * @param orgId the organisation the connection belongs to
 * @param provider the provider that issued the code, e.g. {@code sandbox-bank}
 * @param code the authorization code
 * @param codeVerifier the PKCE code verifier (RFC 7636 section 4.1: 43 to 128 unreserved characters)
 * @param redirectUri the redirect URI of the authorization request
 */
record AuthorizationCodeRequest(
        @NotBlank @Size(max = 64) String orgId,
        @NotBlank @Size(max = 64) String provider,
        @NotBlank @Size(max = 2048) String code,

        @NotBlank @Pattern(regexp = "[A-Za-z0-9._~-]{43,128}")
        String codeVerifier,

        @NotBlank @Size(max = 2000) String redirectUri) {

    @Override
    public String toString() {
        // Records print their components; the code and the verifier are secrets.
        return "AuthorizationCodeRequest[orgId=" + orgId + ", provider=" + provider
                + ", code=(redacted), codeVerifier=(redacted), redirectUri=" + redirectUri + "]";
    }
}
