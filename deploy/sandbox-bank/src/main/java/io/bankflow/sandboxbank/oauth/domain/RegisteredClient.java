package io.bankflow.sandboxbank.oauth.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A TPP client registered at the bank.
 *
 * @param clientId its id
 * @param secret its secret (client_secret_basic or client_secret_post)
 * @param redirectUris where authorization responses may go
 */
public record RegisteredClient(String clientId, String secret, RedirectUris redirectUris) {

    /** Constant-time comparison of a presented secret. */
    public boolean secretMatches(String presented) {
        return MessageDigest.isEqual(
                secret.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "RegisteredClient[" + clientId + "]"; // never the secret
    }
}
