package io.bankflow.tokenvault.tokens.domain;

import java.util.Objects;

/**
 * What the bank's redirect gave connection-service, to be exchanged for tokens (RFC 6749 section 4.1.3 with RFC 7636
 * PKCE). The code and the verifier are secrets: {@link #toString()} never shows them.
 *
 * @param code the authorization code from the redirect
 * @param codeVerifier the PKCE verifier whose S256 challenge went into the authorization request
 * @param redirectUri the redirect URI of the authorization request, which the token request must repeat
 */
public record AuthorizationCode(String code, String codeVerifier, String redirectUri) {

    public AuthorizationCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(redirectUri, "redirectUri");
        if (code.isBlank() || codeVerifier.isBlank() || redirectUri.isBlank()) {
            throw new IllegalArgumentException("An authorization code needs its code, verifier and redirect URI");
        }
    }

    @Override
    public String toString() {
        return "AuthorizationCode[code=(redacted), codeVerifier=(redacted), redirectUri=" + redirectUri + "]";
    }
}
