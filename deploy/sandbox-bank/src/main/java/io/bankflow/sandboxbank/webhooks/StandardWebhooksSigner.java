package io.bankflow.sandboxbank.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks 1.0 symmetric signatures: {@code webhook-signature: v1,<base64 HMAC-SHA256>} over
 * {@code <webhook-id>.<webhook-timestamp>.<body>}, keyed with the base64-decoded part of a {@code whsec_} secret.
 */
public final class StandardWebhooksSigner {

    public static final String SECRET_PREFIX = "whsec_";

    private final byte[] key;

    /** @throws IllegalArgumentException when the secret is not {@code whsec_} + base64 of 24 to 64 bytes */
    public StandardWebhooksSigner(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            this.key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("The webhook secret must be 'whsec_' followed by base64");
        }
        if (key.length < 24 || key.length > 64) {
            throw new IllegalArgumentException("The webhook secret must encode 24 to 64 bytes");
        }
    }

    /** The {@code webhook-signature} header value. */
    public String sign(String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", impossible);
        }
    }
}
