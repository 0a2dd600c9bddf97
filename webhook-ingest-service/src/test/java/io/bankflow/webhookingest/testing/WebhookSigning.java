package io.bankflow.webhookingest.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs deliveries as providers do, for tests: written from the specifications independently of the production
 * verifiers (and checked against the Standard Webhooks test vector in {@code StandardWebhooksVerifierTest}).
 */
public final class WebhookSigning {

    private WebhookSigning() {}

    /** A Standard Webhooks {@code webhook-signature} value: {@code v1,base64(HMAC(base64decode(secret), id.ts.body))}. */
    public static String standardWebhooks(String secret, String id, long timestamp, byte[] body) {
        byte[] key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
        return "v1,"
                + Base64.getEncoder()
                        .encodeToString(hmac(key, (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body));
    }

    /** A {@code Stripe-Signature} value: {@code t=<ts>,v1=hex(HMAC(utf8(secret), ts.body))}. */
    public static String stripe(String secret, long timestamp, byte[] body) {
        return "t=" + timestamp + ",v1=" + stripeSignature(secret, timestamp, body);
    }

    /** Only the hex signature of {@link #stripe}. */
    public static String stripeSignature(String secret, long timestamp, byte[] body) {
        return HexFormat.of()
                .formatHex(hmac(
                        secret.getBytes(StandardCharsets.UTF_8),
                        (timestamp + ".").getBytes(StandardCharsets.UTF_8),
                        body));
    }

    private static byte[] hmac(byte[] key, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
