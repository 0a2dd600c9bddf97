package io.bankflow.connection.connections.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A PKCE pair (RFC 7636): the verifier stays with us until the code exchange; only its S256 challenge goes to the
 * bank in the authorization URL. The verifier is a secret: {@link #toString()} never shows it.
 *
 * @param verifier 43 characters of base64url (256 random bits)
 */
public record Pkce(String verifier) {

    /** RFC 7636 section 4.1: 43 to 128 unreserved characters. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

    public Pkce {
        Objects.requireNonNull(verifier, "verifier");
        if (!VERIFIER.matcher(verifier).matches()) {
            throw new IllegalArgumentException("A PKCE verifier is 43 to 128 unreserved characters (RFC 7636)");
        }
    }

    /** A fresh pair from 256 random bits. */
    public static Pkce generate(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new Pkce(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** {@code BASE64URL(SHA256(ASCII(verifier)))}, the only challenge method we use. */
    public String s256Challenge() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "Pkce[verifier=<hidden>]";
    }
}
