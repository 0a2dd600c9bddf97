package io.bankflow.webhookingest.receiving.adapter.out.json;

import io.bankflow.webhookingest.providers.domain.MalformedDeliveryException;
import io.bankflow.webhookingest.providers.domain.WebhookPayload;
import io.bankflow.webhookingest.receiving.application.port.out.PayloadParser;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link PayloadParser} with its own strict Jackson mapper (not the application's, whose settings serve the API):
 * duplicate member names and trailing content are errors, because a consumer whose parser resolves an ambiguous body
 * differently would read a different event type or subject than the one we stored.
 */
@Component
class JacksonPayloadParser implements PayloadParser {

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Override
    public WebhookPayload parse(byte[] body) {
        if (body.length == 0) {
            throw new MalformedDeliveryException("The body is empty; a JSON object is expected.");
        }
        requireUtf8(body);
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException e) {
            // Jackson's message can quote the body: only the position is passed on.
            throw new MalformedDeliveryException("The body is not valid JSON" + where(e) + ".");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedDeliveryException("The body must be a JSON object.");
        }
        return new JacksonWebhookPayload(root);
    }

    /** The event is published as a string, and JSON is UTF-8 (RFC 8259): other encodings are refused up front. */
    private static void requireUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new MalformedDeliveryException("The body is not UTF-8 encoded.");
        }
    }

    private static String where(JacksonException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }

    /** Read access to a parsed body. */
    private record JacksonWebhookPayload(JsonNode root) implements WebhookPayload {

        @Override
        public Optional<String> text(String... path) {
            JsonNode node = root;
            for (String name : path) {
                node = node.path(name);
            }
            if (node.isString()) {
                return Optional.of(node.stringValue());
            }
            if (node.isIntegralNumber()) {
                return Optional.of(node.bigIntegerValue().toString());
            }
            return Optional.empty();
        }
    }
}
