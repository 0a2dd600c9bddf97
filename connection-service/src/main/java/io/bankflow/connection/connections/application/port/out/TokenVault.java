package io.bankflow.connection.connections.application.port.out;

import io.bankflow.connection.connections.domain.Pkce;
import java.net.URI;
import java.util.UUID;

/**
 * token-vault-service, which exchanges authorization codes for tokens and keeps them (encrypted): the code and the
 * PKCE verifier go there and nowhere else.
 */
public interface TokenVault {

    /**
     * Has token-vault-service exchange the code at the bank and store the tokens of the connection.
     *
     * @throws CodeRejectedException when the bank refused the code (expired, replayed, wrong verifier)
     * @throws TokenVaultUnavailableException when token-vault-service or the bank could not answer; retrying may work
     */
    void exchangeAuthorizationCode(
            UUID connectionId, String orgId, String provider, String code, Pkce pkce, URI redirectUri);

    /** The bank refused the authorization code; the user must start again. */
    final class CodeRejectedException extends RuntimeException {

        public CodeRejectedException(String message) {
            super(message);
        }
    }

    /** token-vault-service (or the bank behind it) could not answer. */
    final class TokenVaultUnavailableException extends RuntimeException {

        public TokenVaultUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }

        public TokenVaultUnavailableException(String message) {
            super(message);
        }
    }
}
