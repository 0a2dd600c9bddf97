package io.bankflow.webhookingest.providers.domain;

import java.util.Map;
import java.util.Optional;

/** A {@link WebhookPayload} over nested maps, for tests that need no JSON parser. */
record MapPayload(Map<String, ?> root) implements WebhookPayload {

    @Override
    public Optional<String> text(String... path) {
        Object node = root;
        for (String name : path) {
            if (!(node instanceof Map<?, ?> object)) {
                return Optional.empty();
            }
            node = object.get(name);
        }
        return node instanceof String || node instanceof Long || node instanceof Integer
                ? Optional.of(node.toString())
                : Optional.empty();
    }
}
