package io.bankflow.connection.connections.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The OAuth {@code state} of one authorization: 256 random bits, single-use, short-lived. It binds the callback to
 * the connection that started it (CSRF protection, RFC 6749 section 10.12). Only its {@linkplain #hash() hash} is
 * stored: whoever reads the database cannot answer a callback with it.
 *
 * @param value the state as sent in the authorization URL
 */
public record OAuthState(String value) {

    public OAuthState {
        Objects.requireNonNull(value, "value");
    }

    public static OAuthState generate(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new OAuthState(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** SHA-256 of the state, hex: how it is stored and looked up. */
    public String hash() {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "OAuthState[<hidden>]";
    }
}
