package io.bankflow.kafkaevents.outbox;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Kafka headers of an outbox row, stored as a jsonb object of strings so operators can read them in SQL. */
final class HeadersJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {};

    private HeadersJson() {}

    static String write(Map<String, String> headers) {
        return JSON.writeValueAsString(headers);
    }

    static Map<String, String> read(String json) {
        return JSON.readValue(json, MAP);
    }
}
