package io.bankflow.webhookingest.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Deliveries as the sandbox bank sends them: Standard Webhooks headers over a JSON event. */
public final class SandboxBankWebhooks {

    private SandboxBankWebhooks() {}

    /** A "transactions available" event for an account. */
    public static byte[] transactionsAvailable(String accountId) {
        return ("{\"type\":\"transactions.available\",\"timestamp\":\"2026-11-21T10:15:30Z\","
                        + "\"data\":{\"accountId\":\"" + accountId + "\",\"bookedFrom\":\"2026-11-20\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A new message id, as the bank gives each event. */
    public static String newMessageId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Headers of a delivery signed now. */
    public static Map<String, String> signedHeaders(String secret, String messageId, byte[] body) {
        return signedHeaders(secret, messageId, Instant.now().getEpochSecond(), body);
    }

    /** Headers of a delivery signed at {@code timestamp} (Unix seconds). */
    public static Map<String, String> signedHeaders(String secret, String messageId, long timestamp, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("webhook-id", messageId);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSigning.standardWebhooks(secret, messageId, timestamp, body));
        return headers;
    }
}
