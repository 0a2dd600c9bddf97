package io.bankflow.sandboxbank.oauth.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** RFC 7636 Proof Key for Code Exchange, method {@code S256} only ({@code plain} is refused). */
public final class Pkce {

    private static final String VERIFIER_OR_CHALLENGE = "[A-Za-z0-9._~-]{43,128}";

    private Pkce() {}

    /** Whether a challenge has the form of a base64url SHA-256 (43 characters of the unreserved set). */
    public static boolean isWellFormedChallenge(String challenge) {
        return challenge.matches("[A-Za-z0-9_-]{43}");
    }

    /** Whether the verifier has the RFC 7636 section 4.1 form and BASE64URL(SHA256(verifier)) equals the challenge. */
    public static boolean matches(String verifier, String challenge) {
        if (!verifier.matches(VERIFIER_OR_CHALLENGE)) {
            return false;
        }
        return MessageDigest.isEqual(
                challengeOf(verifier).getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
    }

    /** BASE64URL-ENCODE(SHA256(ASCII(verifier))), without padding. */
    public static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JDK has SHA-256", impossible);
        }
    }
}
