package io.bankflow.webhookingest.endpoints.adapter.in.web;

import io.bankflow.webhookingest.endpoints.application.port.out.WebhookEndpoints;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Opaque page cursors: base64url of {@code v1:<createdAt epoch micros>:<id>}. Clients must not build them; the
 * version prefix lets the format change without breaking cursors already handed out.
 */
final class EndpointCursors {

    private static final String VERSION = "v1";

    private EndpointCursors() {}

    static String encode(WebhookEndpoints.Position position) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, position.createdAt());
        String raw = VERSION + ":" + micros + ":" + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws InvalidParameterException when the text is not a cursor this API made */
    static WebhookEndpoints.Position decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            String[] parts = raw.split(":", -1);
            if (parts.length != 3 || !parts[0].equals(VERSION)) {
                throw notACursor();
            }
            Instant createdAt = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
            return new WebhookEndpoints.Position(createdAt, UUID.fromString(parts[2]));
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            throw notACursor();
        }
    }

    private static InvalidParameterException notACursor() {
        return new InvalidParameterException("cursor", "is not a cursor returned by this API");
    }
}
