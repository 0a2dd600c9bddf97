package io.bankflow.webhookingest.providers.domain;

import java.util.List;

/**
 * Stripe's deliveries: an Event object whose {@code id} ({@code evt_...}) stays the same on every retry, whose {@code
 * type} is e.g. {@code payout.paid}, and whose {@code account} names the connected account for Connect events.
 */
public final class StripeEventFormat implements WebhookEventFormat {

    // Stripe-Signature is left out: it is the signature (and the timestamp inside it is only meaningful with it).
    private static final List<String> RETAINED = List.of("content-type", "user-agent");

    @Override
    public DeliveryDescription describe(WebhookDelivery delivery, WebhookPayload payload) {
        String eventId = payload.text("id")
                .map(value ->
                        WebhookEventFormat.bounded(value, DeliveryDescription.MAX_EVENT_ID_LENGTH, "The body's 'id'"))
                .orElseThrow(() -> new MalformedDeliveryException("The body has no event 'id'."));
        String type = payload.text("type")
                .map(value -> WebhookEventFormat.bounded(
                        value, DeliveryDescription.MAX_EVENT_TYPE_LENGTH, "The body's 'type'"))
                .orElse(DeliveryDescription.UNKNOWN_TYPE);
        String account = payload.text("account")
                .map(value -> WebhookEventFormat.bounded(
                        value, DeliveryDescription.MAX_SUBJECT_REF_LENGTH, "The body's 'account'"))
                .orElse(null);
        return new DeliveryDescription(eventId, type, account, retainedHeaders(delivery));
    }

    @Override
    public List<String> retainedHeaderNames() {
        return RETAINED;
    }
}
