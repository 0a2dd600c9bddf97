package io.bankflow.webhookingest.receiving.adapter.out.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bankflow.webhookingest.providers.domain.MalformedDeliveryException;
import io.bankflow.webhookingest.providers.domain.WebhookPayload;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JacksonPayloadParserTest {

    final JacksonPayloadParser parser = new JacksonPayloadParser();

    WebhookPayload parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsStringsAndIntegersAlongAPath() {
        WebhookPayload payload = parse("{\"type\":\"transactions.available\",\"data\":{\"accountId\":\"acc-1\","
                + "\"consentId\":12345678901234567890,\"amount\":1.5,\"nested\":{},\"none\":null}}");

        assertThat(payload.text("type")).hasValue("transactions.available");
        assertThat(payload.text("data", "accountId")).hasValue("acc-1");
        assertThat(payload.text("data", "consentId")).hasValue("12345678901234567890");
        assertThat(payload.text("data", "amount")).isEmpty();
        assertThat(payload.text("data", "nested")).isEmpty();
        assertThat(payload.text("data", "none")).isEmpty();
        assertThat(payload.text("data", "missing", "deeper")).isEmpty();
        assertThat(payload.text("type", "child")).isEmpty();
    }

    @Test
    void refusesBodiesThatAreNotOneJsonObject() {
        assertMalformed("", "The body is empty; a JSON object is expected.");
        assertMalformed("[1,2]", "The body must be a JSON object.");
        assertMalformed("\"text\"", "The body must be a JSON object.");
        assertMalformed("{\"type\": ", "The body is not valid JSON");
        assertMalformed("{\"a\":1} {\"b\":2}", "The body is not valid JSON");
    }

    @Test
    void refusesAmbiguousBodiesWithDuplicateMembers() {
        assertMalformed("{\"type\":\"harmless\",\"type\":\"transactions.available\"}", "The body is not valid JSON");
    }

    @Test
    void refusesBodiesThatAreNotUtf8() {
        byte[] latin1 = "{\"name\":\"Bjørn\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> parser.parse(latin1))
                .isInstanceOf(MalformedDeliveryException.class)
                .hasMessage("The body is not UTF-8 encoded.");
    }

    @Test
    void neverQuotesTheBodyInItsMessage() {
        assertThatThrownBy(() -> parse("{\"secret-ish\": tru}"))
                .isInstanceOf(MalformedDeliveryException.class)
                .hasMessageNotContaining("secret-ish")
                .hasMessageNotContaining("tru");
    }

    private void assertMalformed(String body, String message) {
        assertThatThrownBy(() -> parse(body))
                .as(body)
                .isInstanceOf(MalformedDeliveryException.class)
                .hasMessageStartingWith(message);
    }
}
