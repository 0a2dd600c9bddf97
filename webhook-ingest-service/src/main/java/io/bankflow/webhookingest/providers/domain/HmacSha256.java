package io.bankflow.webhookingest.providers.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 over concatenated parts, and constant-time comparison of MACs. */
final class HmacSha256 {

    private static final String ALGORITHM = "HmacSHA256";

    private HmacSha256() {}

    /**
     * The MAC of {@code prefix} (ASCII) followed by {@code body}, without copying the body into a new array.
     *
     * @param key the MAC key
     * @param prefix what precedes the body in the signed content, e.g. {@code "<id>.<timestamp>."}
     * @param body the raw body
     * @return the 32-byte MAC
     */
    static byte[] mac(byte[] key, String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory in every JDK, and any non-empty key is valid for it.
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** Constant-time equality: the time taken does not depend on where the arrays differ. */
    static boolean equal(byte[] expected, byte[] candidate) {
        return MessageDigest.isEqual(expected, candidate);
    }
}
