package io.bankflow.connection.challenges.domain;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A one-time code kept only as a salted, slow hash: PBKDF2-HMAC-SHA256 with 16 random bytes of salt per challenge,
 * stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64). The code itself is never stored, logged or
 * returned.
 *
 * <p>A short code has little entropy, so the hash alone would not resist an offline search for long; what protects it
 * is that the hash exists only while its challenge is PENDING (minutes, a few attempts): it is erased when the
 * challenge is verified, fails or expires.
 */
public final class OtpHash {

    /** Characters a code may have, and how many. */
    public static final String FORMAT = "[A-Za-z0-9]{4,16}";

    static final int DEFAULT_ITERATIONS = 60_000;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String encoded;

    private OtpHash(String encoded) {
        this.encoded = encoded;
    }

    /**
     * Hashes a code with a fresh salt.
     *
     * @throws IllegalArgumentException when the code is not 4 to 16 letters or digits (the message never holds it)
     */
    public static OtpHash of(String otp) {
        return of(otp, DEFAULT_ITERATIONS);
    }

    static OtpHash of(String otp, int iterations) {
        requireFormat(otp);
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return new OtpHash(PREFIX + "$" + iterations + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(derive(otp, salt, iterations)));
    }

    /** A stored hash, as {@link #encoded()} wrote it. */
    public static OtpHash fromEncoded(String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            throw new IllegalArgumentException("Not an OTP hash");
        }
        return new OtpHash(encoded);
    }

    /** Whether {@code otp} is the code, compared in constant time. A code of the wrong shape never matches. */
    public boolean matches(String otp) {
        if (otp == null || !otp.matches(FORMAT)) {
            return false;
        }
        String[] parts = encoded.split("\\$");
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(otp, salt, iterations));
    }

    /** The form to store. */
    public String encoded() {
        return encoded;
    }

    /** Whether a code has the accepted shape. */
    public static boolean wellFormed(String otp) {
        return otp.matches(FORMAT);
    }

    private static void requireFormat(String otp) {
        Objects.requireNonNull(otp, "otp");
        if (!otp.matches(FORMAT)) {
            throw new IllegalArgumentException("An OTP must be 4 to 16 letters or digits");
        }
    }

    private static byte[] derive(String otp, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(otp.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OtpHash that && encoded.equals(that.encoded);
    }

    @Override
    public int hashCode() {
        return encoded.hashCode();
    }

    /** Never the hash: nothing derived from a code goes into logs. */
    @Override
    public String toString() {
        return "OtpHash[hidden]";
    }
}
