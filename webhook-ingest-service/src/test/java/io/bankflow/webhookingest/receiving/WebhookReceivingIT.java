package io.bankflow.webhookingest.receiving;

import static io.bankflow.webhookingest.testing.Api.ACME_ADMIN;
import static io.bankflow.webhookingest.testing.Api.json;
import static io.bankflow.webhookingest.testing.SandboxBankWebhooks.newMessageId;
import static io.bankflow.webhookingest.testing.SandboxBankWebhooks.signedHeaders;
import static io.bankflow.webhookingest.testing.SandboxBankWebhooks.transactionsAvailable;
import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.events.webhook.WebhookReceived;
import io.bankflow.testinfra.ServiceIntegrationTest;
import io.bankflow.webhookingest.testing.Api;
import io.bankflow.webhookingest.testing.WebhookReceivedRecords;
import io.bankflow.webhookingest.testing.WebhookSigning;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Receiving webhooks end to end: real HTTP, PostgreSQL, the outbox, the Kafka broker and the schema registry, with
 * endpoints created through the API with real issuer tokens.
 */
@ServiceIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WebhookReceivingIT {

    static final Duration PUBLISHED_WITHIN = Duration.ofSeconds(30);
    static final String ACME = "acme-industries";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String path;
    String secret;

    @BeforeEach
    void createAnEndpoint() {
        api = new Api(port);
        JsonNode endpoint =
                json(api.postJson(ACME_ADMIN, "/api/banking/webhook-endpoints", "{\"provider\":\"sandbox-bank\"}"));
        path = endpoint.get("url").asString();
        secret = endpoint.get("signingSecret").asString();
    }

    @Test
    void acceptsASignedWebhookStoresItAndPublishesWebhookReceivedForTheEndpointsOrganisation() throws Exception {
        String account = "acc-" + UUID.randomUUID();
        String messageId = newMessageId();
        byte[] body = transactionsAvailable(account);
        Map<String, String> headers = new HashMap<>(signedHeaders(secret, messageId, body));
        headers.put("X-Request-Id", "it-" + messageId);

        HttpResponse<String> response = api.deliver(path, body, headers);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode receipt = json(response);
        assertThat(receipt.get("duplicate").asBoolean()).isFalse();
        UUID webhookId = UUID.fromString(receipt.get("webhookId").asString());

        Map<String, Object> row = jdbc.sql("""
                        SELECT org_id, provider, provider_event_id, event_type, subject_ref, payload, content_type,
                               headers::text AS headers, signed_at
                        FROM received_webhook WHERE id = :id
                        """).param("id", webhookId).query().singleRow();
        assertThat(row)
                .containsEntry("org_id", ACME)
                .containsEntry("provider", "sandbox-bank")
                .containsEntry("provider_event_id", messageId)
                .containsEntry("event_type", "transactions.available")
                .containsEntry("subject_ref", account)
                .containsEntry("content_type", "application/json");
        assertThat((byte[]) row.get("payload")).isEqualTo(body);
        assertThat((String) row.get("headers"))
                .contains("\"webhook-id\": \"" + messageId + "\"")
                .contains("webhook-timestamp")
                .doesNotContain("webhook-signature")
                .doesNotContain(headers.get("webhook-signature").substring(3));

        try (WebhookReceivedRecords records = new WebhookReceivedRecords()) {
            ConsumerRecord<String, byte[]> record =
                    records.awaitWithKey(account, 1, PUBLISHED_WITHIN).getFirst();
            assertThat(record.value()[0]).as("Confluent magic byte").isZero();
            WebhookReceived event = records.decode(record);
            assertThat(event.getMetadata().getOrgId()).isEqualTo(ACME);
            assertThat(event.getMetadata().getCorrelationId()).isEqualTo("it-" + messageId);
            assertThat(event.getWebhookId()).isEqualTo(webhookId.toString());
            assertThat(event.getProvider()).isEqualTo("sandbox-bank");
            assertThat(event.getProviderEventId()).isEqualTo(messageId);
            assertThat(event.getEventType()).isEqualTo("transactions.available");
            assertThat(event.getSubjectRef()).isEqualTo(account);
            assertThat(event.getPayload()).isEqualTo(new String(body, StandardCharsets.UTF_8));
            assertThat(event.getPayload()).doesNotContain("v1,");
        }
    }

    @Test
    void answersARetryOfTheSameEventAsADuplicateAndPublishesNothingMore() {
        String account = "acc-" + UUID.randomUUID();
        String messageId = newMessageId();
        byte[] body = transactionsAvailable(account);

        HttpResponse<String> first = api.deliver(path, body, signedHeaders(secret, messageId, body));
        // The provider retries later: same message id, fresh timestamp and signature.
        HttpResponse<String> retry = api.deliver(
                path, body, signedHeaders(secret, messageId, Instant.now().getEpochSecond() + 1, body));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(json(retry).get("duplicate").asBoolean()).isTrue();
        assertThat(json(retry).get("webhookId")).isEqualTo(json(first).get("webhookId"));
        assertThat(storedWith(messageId)).isEqualTo(1);
        assertThat(outboxRowsWithKey(account)).isEqualTo(1);

        // A later event about the same account travels the same partition: once it has arrived, anything the retry
        // had published would have arrived before it.
        String marker = newMessageId();
        byte[] markerBody = transactionsAvailable(account);
        assertThat(api.deliver(path, markerBody, signedHeaders(secret, marker, markerBody))
                        .statusCode())
                .isEqualTo(202);
        try (WebhookReceivedRecords records = new WebhookReceivedRecords()) {
            List<ConsumerRecord<String, byte[]>> published = records.awaitWithKey(account, 2, PUBLISHED_WITHIN);
            assertThat(published)
                    .extracting(record -> records.decode(record).getProviderEventId())
                    .containsExactly(messageId, marker);
        }
    }

    @Test
    void storesAndPublishesConcurrentDeliveriesOfOneEventOnce() throws Exception {
        String account = "acc-" + UUID.randomUUID();
        String messageId = newMessageId();
        byte[] body = transactionsAvailable(account);
        Map<String, String> headers = signedHeaders(secret, messageId, body);

        List<HttpResponse<String>> responses = new ArrayList<>();
        try (ExecutorService providers = Executors.newFixedThreadPool(6)) {
            List<Callable<HttpResponse<String>>> deliveries = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                deliveries.add(() -> api.deliver(path, body, headers));
            }
            for (Future<HttpResponse<String>> response : providers.invokeAll(deliveries)) {
                responses.add(response.get());
            }
        }

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200, 202);
        assertThat(responses).filteredOn(r -> r.statusCode() == 202).hasSize(1);
        assertThat(responses)
                .extracting(r -> json(r).get("webhookId").asString())
                .containsOnly(json(responses.getFirst()).get("webhookId").asString());
        assertThat(storedWith(messageId)).isEqualTo(1);
        assertThat(outboxRowsWithKey(account)).isEqualTo(1);
    }

    @Nested
    class Refusals {

        @Test
        void refusesABadSignatureWithAProblemAndStoresAndPublishesNothing() {
            String account = "acc-" + UUID.randomUUID();
            String messageId = newMessageId();
            byte[] body = transactionsAvailable(account);
            Map<String, String> headers = new HashMap<>(signedHeaders(secret, messageId, body));
            String forged = WebhookSigning.standardWebhooks(
                    "whsec_" + "A".repeat(43) + "=", messageId, Instant.now().getEpochSecond(), body);
            headers.put("webhook-signature", forged);

            HttpResponse<String> response = api.deliver(path, body, headers);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = json(response);
            assertThat(problem.get("type").asString())
                    .isEqualTo("https://bankflow.io/problems/webhook-signature-invalid");
            assertThat(problem.get("detail").asString())
                    .contains("No v1 signature")
                    .doesNotContain(forged.substring(3))
                    .doesNotContain(secret.substring(6));
            assertThat(response.body()).doesNotContain(secret.substring(6)).doesNotContain(forged.substring(3));
            assertThat(storedWith(messageId)).isZero();
            assertThat(outboxRowsWithKey(account)).isZero();
        }

        @Test
        void refusesAnUnsignedDeliverySayingWhichHeaderIsMissing() {
            byte[] body = transactionsAvailable("acc-" + UUID.randomUUID());
            Map<String, String> headers = new HashMap<>(signedHeaders(secret, newMessageId(), body));
            headers.remove("webhook-signature");

            HttpResponse<String> response = api.deliver(path, body, headers);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(json(response).get("detail").asString()).isEqualTo("The webhook-signature header is missing.");
        }

        @Test
        void refusesADeliverySignedTooLongAgo() {
            String messageId = newMessageId();
            byte[] body = transactionsAvailable("acc-" + UUID.randomUUID());
            long sixMinutesAgo = Instant.now().minusSeconds(360).getEpochSecond();

            HttpResponse<String> response =
                    api.deliver(path, body, signedHeaders(secret, messageId, sixMinutesAgo, body));

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(json(response).get("type").asString())
                    .isEqualTo("https://bankflow.io/problems/webhook-timestamp-out-of-tolerance");
            assertThat(storedWith(messageId)).isZero();
        }

        @Test
        void refusesASignedBodyThatIsNotJson() {
            String messageId = newMessageId();
            byte[] body = "{\"type\": \"transactions.available\",".getBytes(StandardCharsets.UTF_8);

            HttpResponse<String> response = api.deliver(path, body, signedHeaders(secret, messageId, body));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("type").asString())
                    .isEqualTo("https://bankflow.io/problems/malformed-request");
            assertThat(storedWith(messageId)).isZero();
        }

        @Test
        void refusesABodyOverTheLimitWithoutReadingIt() {
            byte[] body = new byte[256 * 1024 + 1];

            HttpResponse<String> response = api.deliver(path, body, signedHeaders(secret, newMessageId(), body));

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(json(response).get("type").asString())
                    .isEqualTo("https://bankflow.io/problems/payload-too-large");
        }

        @Test
        void answersNotFoundForUnknownMismatchedOrDeactivatedEndpoints() {
            byte[] body = transactionsAvailable("acc-" + UUID.randomUUID());
            Map<String, String> headers = signedHeaders(secret, newMessageId(), body);
            String id = path.substring(path.lastIndexOf('/') + 1);

            assertThat(api.deliver("/webhooks/sandbox-bank/" + UUID.randomUUID(), body, headers)
                            .statusCode())
                    .isEqualTo(404);
            assertThat(api.deliver("/webhooks/stripe/" + id, body, headers).statusCode())
                    .isEqualTo(404);
            assertThat(api.deliver("/webhooks/paypal/" + id, body, headers).statusCode())
                    .isEqualTo(404);
            assertThat(api.deliver("/webhooks/sandbox-bank/not-a-uuid", body, headers)
                            .statusCode())
                    .isEqualTo(404);

            api.delete(ACME_ADMIN, "/api/banking/webhook-endpoints/" + id);
            HttpResponse<String> deactivated = api.deliver(path, body, headers);
            assertThat(deactivated.statusCode()).isEqualTo(404);
            assertThat(json(deactivated).get("type").asString()).isEqualTo("https://bankflow.io/problems/not-found");
        }
    }

    @Test
    void receivesStripeEventsSignedWithStripesScheme() {
        String stripeSecret = "whsec_" + UUID.randomUUID().toString().replace("-", "");
        JsonNode endpoint = json(api.postJson(
                ACME_ADMIN,
                "/api/banking/webhook-endpoints",
                "{\"provider\":\"stripe\",\"signingSecret\":\"" + stripeSecret + "\"}"));
        String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
        byte[] body = ("{\"id\":\"" + eventId + "\",\"object\":\"event\",\"type\":\"payout.paid\","
                        + "\"account\":\"acct_1032D82eZvKYlo2C\",\"data\":{\"object\":{\"id\":\"po_1\"}}}")
                .getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSigning.stripe(stripeSecret, Instant.now().getEpochSecond(), body);

        HttpResponse<String> response = api.deliver(
                endpoint.get("url").asString(),
                body,
                Map.of("Content-Type", "application/json", "Stripe-Signature", signature));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        Map<String, Object> row =
                jdbc.sql("""
                        SELECT provider, event_type, subject_ref, headers::text AS headers
                        FROM received_webhook WHERE provider_event_id = :eventId
                        """).param("eventId", eventId).query().singleRow();
        assertThat(row)
                .containsEntry("provider", "stripe")
                .containsEntry("event_type", "payout.paid")
                .containsEntry("subject_ref", "acct_1032D82eZvKYlo2C");
        assertThat((String) row.get("headers")).doesNotContainIgnoringCase("stripe-signature");
    }

    @Test
    void countsDeliveriesByProviderAndOutcome() {
        byte[] body = transactionsAvailable("acc-" + UUID.randomUUID());
        api.deliver(path, body, signedHeaders(secret, newMessageId(), body));
        api.deliver("/webhooks/whatever-" + UUID.randomUUID() + "/" + UUID.randomUUID(), body, Map.of());

        String metrics = api.getPublic("/actuator/prometheus").body();

        assertThat(metrics)
                .containsPattern(
                        "bankflow_webhooks_received_total\\{[^}]*outcome=\"accepted\",provider=\"sandbox-bank\"")
                .containsPattern(
                        "bankflow_webhooks_received_total\\{[^}]*outcome=\"unknown_endpoint\",provider=\"unknown\"")
                .containsPattern("bankflow_webhooks_processing_seconds_bucket\\{[^}]*provider=\"sandbox-bank\"")
                .doesNotContain("provider=\"whatever-");
    }

    private long storedWith(String providerEventId) {
        return jdbc.sql("SELECT count(*) FROM received_webhook WHERE provider_event_id = :id")
                .param("id", providerEventId)
                .query(Long.class)
                .single();
    }

    private long outboxRowsWithKey(String key) {
        return jdbc.sql(
                        "SELECT count(*) FROM event_outbox WHERE topic = 'bankflow.webhook-received.v1' AND message_key = :key")
                .param("key", key)
                .query(Long.class)
                .single();
    }
}
