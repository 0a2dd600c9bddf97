package io.bankflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bankflow.avroserde.ConfluentAvroDeserializer;
import io.bankflow.events.EventTopics;
import io.bankflow.events.webhook.WebhookReceived;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the whole system as {@code ./bankflow up} does, on a cold state directory, and checks what a user and an SRE
 * would check first: the demo that {@code up} runs last worked, every process is healthy and measured, the contracts
 * are in the registry, and an event published by one service reaches another through Kafka in the Confluent wire
 * format. The stack is shared with the other system tests ({@link SharedLocalStack}); after the last of them it is
 * stopped as {@code ./bankflow down} does, checking that no process was left behind.
 */
@ExtendWith(SharedLocalStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1)
class FullStackSmokeIT {

    /** Offsets from the port base (docs/dev/CONTEXT-FOR-CONTRIBUTORS.md). */
    private static final Map<String, Integer> APPLICATIONS = Map.of(
            "gateway-service", 0,
            "connection-service", 10,
            "token-vault-service", 20,
            "sync-service", 30,
            "reconciliation-service", 40,
            "cashflow-service", 50,
            "webhook-ingest-service", 60,
            "sandbox-bank", 70,
            "dev-issuer", 75);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static LocalStack stack;

    @BeforeAll
    static void useTheSharedStack(LocalStack shared) {
        stack = shared;
    }

    @Test
    @Order(0)
    void upRanTheDemoWhichConnectedSyncedMatchedAndForecast() throws Exception {
        String output = stack.output();
        String demo =
                output.contains("demo: organisation") ? output.substring(output.indexOf("demo: organisation")) : "";

        assertThat(demo)
                .as("the demo's output in " + output.length() + " characters of ./bankflow up")
                .isNotEmpty();
        assertThat(stack.upExitCode())
                .as("./bankflow up exit code; its output:%n%s", demo)
                .isZero();
        assertThat(demo)
                .contains("connection ")
                .contains(" ACTIVE")
                .contains("first sync")
                .contains("deposits matched")
                .contains("review queue")
                .contains("cashflow history")
                .contains("cashflow forecast")
                .containsPattern("DepositMatched CUS\\d{8} by CUSTOMER_CODE")
                .containsPattern("latency \\d+\\.\\d{2} s")
                .contains("demo: done");
        // Never a credential: no bearer token (a JWT starts with eyJ), signing secret or authorization code.
        assertThat(demo).doesNotContain("eyJ").doesNotContain("whsec_").doesNotContain("code=");
    }

    @Test
    @Order(1)
    void everyApplicationIsReadyAndExposesPrometheusMetrics() throws Exception {
        for (var application : APPLICATIONS.entrySet()) {
            String base = stack.url(application.getValue());
            HttpResponse<String> readiness = get(base + "/actuator/health/readiness", Map.of());
            HttpResponse<String> metrics = get(base + "/actuator/prometheus", Map.of());

            assertThat(readiness.statusCode())
                    .as(application.getKey() + " readiness")
                    .isEqualTo(200);
            assertThat(metrics.statusCode())
                    .as(application.getKey() + " metrics")
                    .isEqualTo(200);
            assertThat(metrics.body())
                    .as(application.getKey() + " metrics")
                    .contains("application=\"" + application.getKey() + "\"");
        }
    }

    @Test
    @Order(2)
    void theRegistryHoldsASubjectForEveryEventTopic() throws Exception {
        HttpResponse<String> subjects = get(stack.registryUrl() + "/subjects", Map.of());

        assertThat(subjects.statusCode()).isEqualTo(200);
        List<String> registered = new ArrayList<>();
        JSON.readTree(subjects.body()).forEach(node -> registered.add(node.asString()));
        assertThat(registered)
                .containsAll(EventTopics.allTopics().stream()
                        .map(topic -> topic + "-value")
                        .toList());
    }

    @Test
    @Order(3)
    void aSignedWebhookBecomesAnEventThatSyncServiceConsumes() throws Exception {
        String token = accessToken("acme-erp");
        JsonNode endpoint = createWebhookEndpoint(token);
        double consumedBefore = consumedBySyncService(); // the demo's webhooks were consumed already
        String messageId = "msg_" + UUID.randomUUID();
        String body = """
                {"type":"transactions.available","timestamp":"%s","data":{"accountId":"acc-%s"}}""".formatted(Instant.now(), UUID.randomUUID());
        long timestamp = Instant.now().getEpochSecond();

        HttpResponse<String> delivery = post(
                stack.url(0) + endpoint.get("url").asString(),
                body,
                Map.of(
                        "Content-Type",
                        "application/json",
                        "webhook-id",
                        messageId,
                        "webhook-timestamp",
                        Long.toString(timestamp),
                        "webhook-signature",
                        StandardWebhooks.signature(
                                endpoint.get("signingSecret").asString(), messageId, timestamp, body)));

        assertThat(delivery.statusCode()).as(delivery.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(consumedBySyncService()).isGreaterThan(consumedBefore));

        ConsumerRecord<byte[], byte[]> record = findWebhookRecord(messageId);
        byte[] value = record.value();
        assertThat(value[0]).as("Confluent magic byte").isZero();
        int schemaId = ByteBuffer.wrap(value, 1, 4).getInt();
        HttpResponse<String> schema = get(stack.registryUrl() + "/schemas/ids/" + schemaId, Map.of());
        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(schema.body()).get("schema").asString()).contains("\"name\":\"WebhookReceived\"");
    }

    private static ConsumerRecord<byte[], byte[]> findWebhookRecord(String messageId) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        try (var consumer = new KafkaConsumer<byte[], byte[]>(config);
                var avro = new ConfluentAvroDeserializer()) {
            avro.configure(Map.of("schema.registry.url", stack.registryUrl()), false);
            List<TopicPartition> partitions = consumer.partitionsFor(EventTopics.WEBHOOK_RECEIVED).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    var event = (WebhookReceived) avro.deserialize(record.topic(), record.value());
                    if (event.getProviderEventId().equals(messageId)) {
                        assertThat(event.getMetadata().getOrgId()).isEqualTo("acme-industries");
                        assertThat(event.getProvider()).isEqualTo("sandbox-bank");
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no WebhookReceived for " + messageId + " on " + EventTopics.WEBHOOK_RECEIVED);
    }

    private static double consumedBySyncService() throws Exception {
        String metrics = get(stack.url(30) + "/actuator/prometheus", Map.of()).body();
        return metrics.lines()
                .filter(line -> line.startsWith("bankflow_events_consumed_total{"))
                .filter(line -> line.contains("topic=\"" + EventTopics.WEBHOOK_RECEIVED + "\""))
                .filter(line -> line.contains("outcome=\"processed\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static JsonNode createWebhookEndpoint(String token) throws Exception {
        HttpResponse<String> created = post(
                stack.url(0) + "/api/banking/webhook-endpoints",
                "{\"provider\":\"sandbox-bank\"}",
                Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body());
    }

    private static String accessToken(String clientId) throws Exception {
        String basic = Base64.getEncoder()
                .encodeToString((clientId + ":" + stack.clientSecret(clientId)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = post(
                stack.url(75) + "/oauth2/token",
                "grant_type=client_credentials&scope=banking",
                Map.of("Authorization", "Basic " + basic, "Content-Type", "application/x-www-form-urlencoded"));
        assertThat(response.statusCode()).as("token request").isEqualTo(200);
        return Optional.ofNullable(JSON.readTree(response.body()).get("access_token"))
                .map(JsonNode::asString)
                .orElseThrow();
    }

    private static HttpResponse<String> get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
