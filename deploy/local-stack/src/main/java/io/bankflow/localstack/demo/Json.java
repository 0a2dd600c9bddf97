package io.bankflow.localstack.demo;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the demo: unknown members ignored (the client reads what it needs), dates as ISO text. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {}

    static JsonNode tree(String body) {
        return body.isBlank() ? MAPPER.missingNode() : MAPPER.readTree(body);
    }

    static <T> T read(String body, Class<T> type) {
        return MAPPER.readValue(body, type);
    }

    static <T> T read(String body, tools.jackson.core.type.TypeReference<T> type) {
        return MAPPER.readValue(body, type);
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
