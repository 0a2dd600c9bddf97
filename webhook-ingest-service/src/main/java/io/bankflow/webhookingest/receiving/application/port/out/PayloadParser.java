package io.bankflow.webhookingest.receiving.application.port.out;

import io.bankflow.webhookingest.providers.domain.MalformedDeliveryException;
import io.bankflow.webhookingest.providers.domain.WebhookPayload;

/** Parses delivery bodies. */
public interface PayloadParser {

    /**
     * Parses a body as one JSON object in UTF-8.
     *
     * @throws MalformedDeliveryException when it is empty, not UTF-8, not JSON, ambiguous (a duplicate member name),
     *     or not an object
     */
    WebhookPayload parse(byte[] body);
}
