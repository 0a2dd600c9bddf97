package io.bankflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.bankflow.avroserde.AvroSerdeConfig;
import io.bankflow.avroserde.SchemaRegistryClient;
import io.bankflow.events.EventTopics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaRegistrationTest {

    private FakeRegistry fake;
    private SchemaRegistryClient client;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeRegistry();
        client = SchemaRegistryClient.create(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, fake.url()));
    }

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    @Test
    void registersEveryEventUnderItsTopicValueSubject() {
        List<String> registered = SchemaRegistration.registerAll(client, SchemaRegistration.subjects());

        assertThat(registered)
                .hasSize(EventTopics.all().size())
                .containsExactlyInAnyOrderElementsOf(
                        EventTopics.allTopics().stream().map(t -> t + "-value").toList());
        assertThat(fake.schemas.get("bankflow.statement-fetched.v1-value"))
                .singleElement()
                .asString()
                .contains("\"name\":\"StatementFetched\"");
    }

    @Test
    void moneyEventsAreFullyCompatibleAndTheRestBackward() {
        SchemaRegistration.registerAll(client, SchemaRegistration.subjects());

        assertThat(fake.compatibility)
                .hasSize(EventTopics.all().size())
                .containsEntry("bankflow.statement-fetched.v1-value", "FULL")
                .containsEntry("bankflow.deposit-matched.v1-value", "FULL")
                .containsEntry("bankflow.deposit-unmatched.v1-value", "FULL")
                .containsEntry("bankflow.sync-requested.v1-value", "BACKWARD")
                .containsEntry("bankflow.webhook-received.v1-value", "BACKWARD");
        assertThat(fake.compatibility.values()).filteredOn("FULL"::equals).hasSize(3);
    }

    @Test
    void aSecondRunRegistersNothingAndAddsNoVersion() {
        SchemaRegistration.registerAll(client, SchemaRegistration.subjects());
        try (SchemaRegistryClient fresh =
                SchemaRegistryClient.create(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, fake.url()))) {

            assertThat(SchemaRegistration.registerAll(fresh, SchemaRegistration.subjects()))
                    .isEmpty();
        }
        assertThat(fake.schemas.values())
                .allSatisfy(versions -> assertThat(versions).hasSize(1));
    }

    @Test
    void waitsForARegistryThatAnswersAndGivesUpOnOneThatDoesNot() throws Exception {
        SchemaRegistration.awaitRegistry(client, Duration.ofSeconds(5)); // answers at once

        try (SchemaRegistryClient nowhere =
                SchemaRegistryClient.create(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:1"))) {
            Instant start = Instant.now();
            assertThatThrownBy(() -> SchemaRegistration.awaitRegistry(nowhere, Duration.ofSeconds(1)))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("could not be reached");
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
        }
    }

    /** The Confluent REST calls the registration makes, kept in maps. */
    private static final class FakeRegistry implements AutoCloseable {

        private static final ObjectMapper JSON = new ObjectMapper();
        final Map<String, List<String>> schemas = new HashMap<>();
        final Map<String, String> compatibility = new HashMap<>();
        private final List<String> ids = new ArrayList<>();
        private final HttpServer server;

        FakeRegistry() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private synchronized void handle(HttpExchange exchange) throws IOException {
            String path = URLDecoder.decode(exchange.getRequestURI().getPath(), StandardCharsets.UTF_8);
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals("/subjects")) {
                reply(exchange, 200, schemas.keySet().stream().sorted().toList());
            } else if (method.equals("PUT") && path.startsWith("/config/")) {
                String level = body.get("compatibility").asText();
                compatibility.put(path.substring("/config/".length()), level);
                reply(exchange, 200, Map.of("compatibility", level));
            } else if (method.equals("POST") && path.endsWith("/versions")) {
                String subject = path.substring("/subjects/".length(), path.length() - "/versions".length());
                String schema = body.get("schema").asText();
                List<String> versions = schemas.computeIfAbsent(subject, s -> new ArrayList<>());
                if (!versions.contains(schema)) {
                    versions.add(schema);
                }
                reply(exchange, 200, Map.of("id", idOf(schema)));
            } else if (method.equals("POST") && path.startsWith("/subjects/")) {
                String subject = path.substring("/subjects/".length());
                String schema = body.get("schema").asText();
                if (schemas.getOrDefault(subject, List.of()).contains(schema)) {
                    reply(exchange, 200, Map.of("subject", subject, "id", idOf(schema), "version", 1));
                } else {
                    reply(exchange, 404, Map.of("error_code", 40401, "message", "Subject not found"));
                }
            } else {
                reply(exchange, 404, Map.of("error_code", 404, "message", "no such endpoint"));
            }
        }

        private int idOf(String schema) {
            if (!ids.contains(schema)) {
                ids.add(schema);
            }
            return ids.indexOf(schema) + 1;
        }

        private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
