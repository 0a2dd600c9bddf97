package io.bankflow.webhookingest.providers.domain;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link WebhookDelivery}s for tests. */
final class Deliveries {

    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

    static Deliveries delivery() {
        return new Deliveries();
    }

    Deliveries header(String name, String value) {
        headers.put(name, List.of(value));
        return this;
    }

    Deliveries body(String body) {
        return body(body.getBytes(StandardCharsets.UTF_8));
    }

    Deliveries body(byte[] body) {
        this.body = body;
        return this;
    }

    WebhookDelivery build() {
        return WebhookDelivery.of(headers, body);
    }
}
