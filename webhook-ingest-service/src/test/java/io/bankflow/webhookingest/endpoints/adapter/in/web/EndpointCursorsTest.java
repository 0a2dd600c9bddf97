package io.bankflow.webhookingest.endpoints.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bankflow.webhookingest.endpoints.application.port.out.WebhookEndpoints;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EndpointCursorsTest {

    @Test
    void decodesWhatItEncodedToTheMicrosecond() {
        WebhookEndpoints.Position position =
                new WebhookEndpoints.Position(Instant.parse("2026-11-21T10:15:30.123456Z"), UUID.randomUUID());

        String cursor = EndpointCursors.encode(position);

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(EndpointCursors.decode(cursor)).isEqualTo(position);
    }

    @Test
    void refusesTextThatIsNotOneOfItsCursors() {
        for (String notACursor : new String[] {
            "",
            "!!!",
            base64("v1:abc:" + UUID.randomUUID()),
            base64("v2:1:" + UUID.randomUUID()),
            base64("v1:1:not-a-uuid"),
            base64("v1:99999999999999999999:" + UUID.randomUUID())
        }) {
            assertThatThrownBy(() -> EndpointCursors.decode(notACursor))
                    .as(notACursor)
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("cursor");
        }
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
