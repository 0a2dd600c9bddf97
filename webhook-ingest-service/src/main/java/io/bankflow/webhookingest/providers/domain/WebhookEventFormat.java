package io.bankflow.webhookingest.providers.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where a provider's deliveries carry the event's id, type and subject, and which of their headers are kept. */
public interface WebhookEventFormat {

    /**
     * Describes a verified delivery.
     *
     * @param delivery the delivery, already verified
     * @param payload its parsed body
     * @return the description
     * @throws MalformedDeliveryException when the delivery lacks what the provider always sends (its event id), or a
     *     value is too long to store
     */
    DeliveryDescription describe(WebhookDelivery delivery, WebhookPayload payload);

    /**
     * An allowlist, not a denylist, so a signature header a provider adds later is never stored by accident.
     *
     * @return the lower-case names of the headers stored with a delivery
     */
    List<String> retainedHeaderNames();

    /** The first value of each retained header the delivery has. */
    default Map<String, String> retainedHeaders(WebhookDelivery delivery) {
        Map<String, String> retained = new LinkedHashMap<>();
        for (String name : retainedHeaderNames()) {
            delivery.header(name).ifPresent(value -> retained.put(name, value));
        }
        return retained;
    }

    /** A value as stored, or a {@link MalformedDeliveryException} naming where it came from when it is too long. */
    static String bounded(String value, int maxLength, String where) {
        if (value.isBlank()) {
            throw new MalformedDeliveryException(where + " is blank.");
        }
        if (value.length() > maxLength) {
            throw new MalformedDeliveryException(where + " is longer than " + maxLength + " characters.");
        }
        return value;
    }
}
