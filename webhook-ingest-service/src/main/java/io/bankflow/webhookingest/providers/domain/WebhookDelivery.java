package io.bankflow.webhookingest.providers.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP delivery of a webhook as it arrived: its headers and its body, byte for byte.
 *
 * <p>Signatures are computed over the raw bytes, so the body is never re-encoded. Header names are case-insensitive
 * (HTTP), stored lower-case.
 */
public final class WebhookDelivery {

    private final Map<String, List<String>> headers;
    private final byte[] body;

    private WebhookDelivery(Map<String, List<String>> headers, byte[] body) {
        this.headers = headers;
        this.body = body;
    }

    /**
     * A delivery.
     *
     * @param headers every header of the request, names in any case, values in the order received
     * @param body the request body exactly as received (not copied: the caller hands it over)
     * @return the delivery
     */
    public static WebhookDelivery of(Map<String, List<String>> headers, byte[] body) {
        Objects.requireNonNull(body, "body");
        Map<String, List<String>> normalised = new LinkedHashMap<>();
        headers.forEach((name, values) -> normalised
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                .addAll(values));
        normalised.replaceAll((name, values) -> List.copyOf(values));
        return new WebhookDelivery(Collections.unmodifiableMap(normalised), body);
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, any case
     * @return its first value, or empty when the header is absent
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** Every header, names lower-case. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The raw body; callers must not modify it. */
    public byte[] body() {
        return body;
    }

    @Override
    public String toString() {
        // Neither headers (signatures) nor body (personal data) belong in a log line.
        return "WebhookDelivery[" + body.length + " bytes, headers=" + headers.keySet() + "]";
    }
}
