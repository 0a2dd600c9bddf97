package io.bankflow.webhookingest.providers.domain;

import java.util.Optional;

/**
 * Read access to a delivery's JSON body, so the rules about where a provider puts its event id or type live here
 * while the JSON parsing lives in an adapter.
 */
public interface WebhookPayload {

    /**
     * The text of a scalar value (string, or integral number as decimal digits) at a path of object member names.
     *
     * @param path member names from the top-level object, e.g. {@code "data", "accountId"}
     * @return the text, or empty when the path does not exist, is null, or leads to an object or array
     */
    Optional<String> text(String... path);
}
