package io.bankflow.webhookingest.providers.domain;

import java.util.List;

/**
 * The sandbox bank's deliveries: Standard Webhooks headers, and a body {@code {"type": ..., "timestamp": ..., "data":
 * {...}}} whose {@code data} names the account ({@code accountId}) or consent ({@code consentId}) concerned.
 */
public final class SandboxBankEventFormat implements WebhookEventFormat {

    private static final List<String> RETAINED = List.of(
            StandardWebhooksVerifier.ID_HEADER,
            StandardWebhooksVerifier.TIMESTAMP_HEADER,
            "content-type",
            "user-agent");

    @Override
    public DeliveryDescription describe(WebhookDelivery delivery, WebhookPayload payload) {
        // Verification already required the header; Standard Webhooks makes it the idempotency key.
        String eventId = WebhookEventFormat.bounded(
                delivery.header(StandardWebhooksVerifier.ID_HEADER)
                        .orElseThrow()
                        .trim(),
                DeliveryDescription.MAX_EVENT_ID_LENGTH,
                "The " + StandardWebhooksVerifier.ID_HEADER + " header");
        String type = payload.text("type")
                .map(value -> WebhookEventFormat.bounded(
                        value, DeliveryDescription.MAX_EVENT_TYPE_LENGTH, "The body's 'type'"))
                .orElse(DeliveryDescription.UNKNOWN_TYPE);
        String subject = payload.text("data", "accountId")
                .or(() -> payload.text("data", "consentId"))
                .map(value -> WebhookEventFormat.bounded(
                        value, DeliveryDescription.MAX_SUBJECT_REF_LENGTH, "The body's subject reference"))
                .orElse(null);
        return new DeliveryDescription(eventId, type, subject, retainedHeaders(delivery));
    }

    @Override
    public List<String> retainedHeaderNames() {
        return RETAINED;
    }
}
