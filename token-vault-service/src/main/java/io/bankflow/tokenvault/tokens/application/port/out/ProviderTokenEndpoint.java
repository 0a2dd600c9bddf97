package io.bankflow.tokenvault.tokens.application.port.out;

import io.bankflow.tokenvault.tokens.domain.AuthorizationCode;
import io.bankflow.tokenvault.tokens.domain.ProviderTokens;
import io.bankflow.tokenvault.tokens.domain.TokenValue;

/**
 * A provider's OAuth2 token endpoint (RFC 6749 section 3.2), called as Bankflow's client at that provider. The client
 * credentials, the endpoint URL and the timeouts are the adapter's configuration, per provider id.
 *
 * <p>Nothing secret (a token, a code, a verifier, the client secret, the provider's {@code error_description}, which
 * may echo what it was sent) ends up in an exception message.
 */
public interface ProviderTokenEndpoint {

    /**
     * Exchanges an authorization code for tokens ({@code grant_type=authorization_code} with the PKCE verifier, RFC
     * 6749 section 4.1.3, RFC 7636 section 4.5).
     *
     * @param provider the provider id, e.g. {@code sandbox-bank}
     * @param code the code, its verifier and redirect URI
     * @return the tokens
     * @throws ProviderRefusedException when the provider answers with an OAuth2 error (e.g. {@code invalid_grant}: an
     *     expired, replayed or foreign code)
     * @throws ProviderUnavailableException when it cannot be reached, times out, fails (5xx) or answers nonsense
     * @throws UnknownProviderException when no such provider is configured
     */
    ProviderTokens exchange(String provider, AuthorizationCode code);

    /**
     * Uses a refresh token ({@code grant_type=refresh_token}, RFC 6749 section 6). A provider that rotates refresh
     * tokens answers a new one; the old one is then dead.
     *
     * @param provider the provider id
     * @param refreshToken the current refresh token
     * @return the new tokens
     * @throws ProviderRefusedException when the provider answers with an OAuth2 error ({@code invalid_grant}: the
     *     refresh token is dead)
     * @throws ProviderUnavailableException when it cannot be reached, times out, fails (5xx) or answers nonsense
     * @throws UnknownProviderException when no such provider is configured
     */
    ProviderTokens refresh(String provider, TokenValue refreshToken);

    /** The provider answered an OAuth2 error response (RFC 6749 section 5.2). */
    final class ProviderRefusedException extends RuntimeException {

        /** The error code of a dead code or refresh token. */
        public static final String INVALID_GRANT = "invalid_grant";

        private final String errorCode;

        /**
         * @param provider the provider id
         * @param errorCode the OAuth2 {@code error} (never the description)
         */
        public ProviderRefusedException(String provider, String errorCode) {
            super("Provider " + provider + " refused the token request: " + errorCode);
            this.errorCode = errorCode;
        }

        /** @return the OAuth2 error code, e.g. {@code invalid_grant} */
        public String errorCode() {
            return errorCode;
        }

        /** @return whether the grant (code or refresh token) is dead, rather than the request or client being wrong */
        public boolean invalidGrant() {
            return INVALID_GRANT.equals(errorCode);
        }
    }

    /** The provider could not be reached or failed: worth trying again later. */
    final class ProviderUnavailableException extends RuntimeException {

        /**
         * @param message what happened, without secrets
         * @param cause the I/O failure, if any
         */
        public ProviderUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }

        /** @param message what happened, without secrets */
        public ProviderUnavailableException(String message) {
            super(message);
        }
    }

    /** No provider of that id is configured. */
    final class UnknownProviderException extends RuntimeException {

        /** @param provider the provider id */
        public UnknownProviderException(String provider) {
            super("No token endpoint is configured for provider " + provider);
        }
    }
}
