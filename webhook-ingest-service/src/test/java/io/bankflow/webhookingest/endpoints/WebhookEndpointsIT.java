package io.bankflow.webhookingest.endpoints;

import static io.bankflow.webhookingest.testing.Api.ACME_ADMIN;
import static io.bankflow.webhookingest.testing.Api.ACME_READONLY;
import static io.bankflow.webhookingest.testing.Api.GLOBEX_ADMIN;
import static io.bankflow.webhookingest.testing.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.testinfra.ServiceIntegrationTest;
import io.bankflow.webhookingest.testing.Api;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The endpoint API against real PostgreSQL, Kafka, registry and issuer tokens. */
@ServiceIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WebhookEndpointsIT {

    static final String ENDPOINTS = "/api/banking/webhook-endpoints";
    static final String SANDBOX_BANK = "{\"provider\":\"sandbox-bank\"}";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    JsonNode create(String client, String body) {
        HttpResponse<String> response = api.postJson(client, ENDPOINTS, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    @Test
    void createsAnEndpointWithAGeneratedSecretShownOnlyInTheCreationResponse() {
        HttpResponse<String> response = api.postJson(ACME_ADMIN, ENDPOINTS, SANDBOX_BANK);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode created = json(response);
        String id = created.get("id").asString();
        String secret = created.get("signingSecret").asString();
        assertThat(response.headers().firstValue("Location")).hasValue(ENDPOINTS + "/" + id);
        assertThat(created.get("provider").asString()).isEqualTo("sandbox-bank");
        assertThat(created.get("url").asString()).isEqualTo("/webhooks/sandbox-bank/" + id);
        assertThat(created.get("active").asBoolean()).isTrue();
        assertThat(created.get("createdAt").asString()).isNotBlank();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length())))
                .hasSize(32);

        HttpResponse<String> read = api.get(ACME_ADMIN, ENDPOINTS + "/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).has("signingSecret")).isFalse();
        assertThat(read.body()).doesNotContain(secret.substring(6));
    }

    @Test
    void storesTheSecretEncryptedNotInPlaintext() {
        JsonNode created = create(ACME_ADMIN, SANDBOX_BANK);
        String secret = created.get("signingSecret").asString();

        Map<String, Object> row = jdbc.sql("""
                        SELECT org_id, signing_secret_ciphertext, kek_version, secret_generated
                        FROM webhook_endpoint WHERE id = :id
                        """)
                .param("id", UUID.fromString(created.get("id").asString()))
                .query()
                .singleRow();

        byte[] ciphertext = (byte[]) row.get("signing_secret_ciphertext");
        String asText = new String(ciphertext, StandardCharsets.ISO_8859_1);
        assertThat(row.get("org_id")).isEqualTo("acme-industries");
        assertThat(asText).doesNotContain(secret).doesNotContain(secret.substring(6, 30));
        assertThat(ciphertext).isNotEqualTo(secret.getBytes(StandardCharsets.UTF_8));
        assertThat(row.get("kek_version")).isEqualTo(1);
        assertThat(row.get("secret_generated")).isEqualTo(true);
    }

    @Test
    void takesTheProvidersOwnSecretWithoutEverReturningIt() {
        String stripeSecret = "whsec_" + UUID.randomUUID().toString().replace("-", "");

        HttpResponse<String> response = api.postJson(
                ACME_ADMIN, ENDPOINTS, "{\"provider\":\"stripe\",\"signingSecret\":\"" + stripeSecret + "\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json(response).has("signingSecret")).isFalse();
        assertThat(response.body()).doesNotContain(stripeSecret);
        assertThat(json(response).get("url").asString()).startsWith("/webhooks/stripe/");
    }

    @Nested
    class Refusals {

        @Test
        void refusesToCreateForACallerWithoutTheAdminRole() {
            HttpResponse<String> response = api.postJson(ACME_READONLY, ENDPOINTS, SANDBOX_BANK);

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(response).get("type").asString()).isEqualTo("https://bankflow.io/problems/forbidden");
        }

        @Test
        void refusesToListForACallerWithoutFinanceOrAdmin() {
            assertThat(api.get(ACME_READONLY, ENDPOINTS).statusCode()).isEqualTo(403);
        }

        @Test
        void hidesAnotherOrganisationsEndpoint() {
            String id = create(ACME_ADMIN, SANDBOX_BANK).get("id").asString();

            HttpResponse<String> read = api.get(GLOBEX_ADMIN, ENDPOINTS + "/" + id);
            HttpResponse<String> deactivate = api.delete(GLOBEX_ADMIN, ENDPOINTS + "/" + id);

            assertThat(read.statusCode()).isEqualTo(404);
            assertThat(json(read).get("type").asString()).isEqualTo("https://bankflow.io/problems/not-found");
            assertThat(deactivate.statusCode()).isEqualTo(404);
            assertThat(api.get(ACME_ADMIN, ENDPOINTS + "/" + id).body()).contains("\"active\":true");
            assertThat(allIds(GLOBEX_ADMIN)).doesNotContain(id);
        }

        @Test
        void refusesAnUnsupportedProviderAndListsTheSupportedOnes() {
            HttpResponse<String> response = api.postJson(ACME_ADMIN, ENDPOINTS, "{\"provider\":\"paypal\"}");

            assertThat(response.statusCode()).isEqualTo(400);
            JsonNode problem = json(response);
            assertThat(problem.get("type").asString()).isEqualTo("https://bankflow.io/problems/validation-failed");
            assertThat(problem.get("supportedProviders").toString()).isEqualTo("[\"sandbox-bank\",\"stripe\"]");
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("provider");
        }

        @Test
        void refusesAStripeEndpointWithoutStripesSecret() {
            HttpResponse<String> response = api.postJson(ACME_ADMIN, ENDPOINTS, "{\"provider\":\"stripe\"}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("errors").get(0).get("field").asString())
                    .isEqualTo("signingSecret");
        }

        @Test
        void refusesASecretOfTheWrongFormWithoutEchoingIt() {
            HttpResponse<String> response = api.postJson(
                    ACME_ADMIN, ENDPOINTS, "{\"provider\":\"sandbox-bank\",\"signingSecret\":\"hunter2-hunter2\"}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("signingSecret").doesNotContain("hunter2");
        }

        @Test
        void refusesABodyWithoutProvider() {
            assertThat(api.postJson(ACME_ADMIN, ENDPOINTS, "{}").statusCode()).isEqualTo(400);
        }
    }

    @Nested
    class Listing {

        @Test
        void pagesThroughTheOrganisationsEndpointsNewestFirst() {
            List<String> created = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                created.add(create(GLOBEX_ADMIN, SANDBOX_BANK).get("id").asString());
            }

            List<String> listed = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                HttpResponse<String> response =
                        api.get(GLOBEX_ADMIN, ENDPOINTS + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
                assertThat(response.statusCode()).isEqualTo(200);
                JsonNode page = json(response);
                assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
                page.get("items").forEach(item -> {
                    assertThat(item.has("signingSecret")).isFalse();
                    listed.add(item.get("id").asString());
                });
                cursor = page.get("nextCursor").isNull()
                        ? null
                        : page.get("nextCursor").asString();
                pages++;
            } while (cursor != null && pages < 100);

            assertThat(listed).doesNotHaveDuplicates();
            // Newest first: the three just created come first, the last created at the top.
            assertThat(listed.subList(0, 3)).containsExactlyElementsOf(created.reversed());
        }

        @Test
        void refusesALimitOutOfRangeAndACursorItDidNotMake() {
            assertThat(api.get(ACME_ADMIN, ENDPOINTS + "?limit=0").statusCode()).isEqualTo(400);
            assertThat(api.get(ACME_ADMIN, ENDPOINTS + "?limit=101").statusCode())
                    .isEqualTo(400);
            HttpResponse<String> badCursor = api.get(ACME_ADMIN, ENDPOINTS + "?cursor=bm90LWEtY3Vyc29y");
            assertThat(badCursor.statusCode()).isEqualTo(400);
            assertThat(json(badCursor).get("type").asString())
                    .isEqualTo("https://bankflow.io/problems/invalid-parameter");
        }
    }

    @Nested
    class Idempotency {

        @Test
        void replaysACreationRetriedWithTheSameKeyAndBody() {
            String key = "create-" + UUID.randomUUID();

            HttpResponse<String> first = api.postJson(ACME_ADMIN, ENDPOINTS, SANDBOX_BANK, "Idempotency-Key", key);
            HttpResponse<String> retry = api.postJson(ACME_ADMIN, ENDPOINTS, SANDBOX_BANK, "Idempotency-Key", key);

            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(retry.statusCode()).isEqualTo(201);
            assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
            assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            assertThat(json(retry).get("id")).isEqualTo(json(first).get("id"));
            assertThat(json(retry).get("signingSecret")).isEqualTo(json(first).get("signingSecret"));
            assertThat(retry.headers().firstValue("Location"))
                    .isEqualTo(first.headers().firstValue("Location"));
        }

        @Test
        void refusesTheSameKeyForADifferentRequest() {
            String key = "create-" + UUID.randomUUID();
            api.postJson(ACME_ADMIN, ENDPOINTS, SANDBOX_BANK, "Idempotency-Key", key);

            HttpResponse<String> other = api.postJson(
                    ACME_ADMIN,
                    ENDPOINTS,
                    "{\"provider\":\"stripe\",\"signingSecret\":\"whsec_abc123\"}",
                    "Idempotency-Key",
                    key);

            assertThat(other.statusCode()).isEqualTo(422);
            assertThat(json(other).get("type").asString())
                    .isEqualTo("https://bankflow.io/problems/idempotency-key-reused");
        }

        @Test
        void keepsKeysApartPerOrganisation() {
            String key = "create-" + UUID.randomUUID();

            JsonNode acme = json(api.postJson(ACME_ADMIN, ENDPOINTS, SANDBOX_BANK, "Idempotency-Key", key));
            JsonNode globex = json(api.postJson(GLOBEX_ADMIN, ENDPOINTS, SANDBOX_BANK, "Idempotency-Key", key));

            assertThat(globex.get("id")).isNotEqualTo(acme.get("id"));
        }

        @Test
        void refusesAKeyWithControlCharactersOrSpaces() {
            HttpResponse<String> response =
                    api.postJson(ACME_ADMIN, ENDPOINTS, SANDBOX_BANK, "Idempotency-Key", "two words");

            assertThat(response.statusCode()).isEqualTo(400);
        }
    }

    @Test
    void deactivatesAnEndpointOnceAndKeepsItListed() {
        String id = create(ACME_ADMIN, SANDBOX_BANK).get("id").asString();

        HttpResponse<String> first = api.delete(ACME_ADMIN, ENDPOINTS + "/" + id);
        HttpResponse<String> again = api.delete(ACME_ADMIN, ENDPOINTS + "/" + id);
        JsonNode read = json(api.get(ACME_ADMIN, ENDPOINTS + "/" + id));

        assertThat(first.statusCode()).isEqualTo(204);
        assertThat(again.statusCode()).isEqualTo(204);
        assertThat(read.get("active").asBoolean()).isFalse();
        assertThat(read.get("deactivatedAt").asString()).isNotBlank();
        assertThat(api.delete(ACME_READONLY, ENDPOINTS + "/" + id).statusCode()).isEqualTo(403);
    }

    @Test
    void documentsTheApiAndTheWebhookReceiverAsPublic() {
        HttpResponse<String> response = api.getPublic("/v3/api-docs");

        JsonNode paths = json(response).get("paths");
        assertThat(paths.has(ENDPOINTS)).isTrue();
        assertThat(paths.has(ENDPOINTS + "/{id}")).isTrue();
        JsonNode receive = paths.get("/webhooks/{provider}/{endpointId}").get("post");
        assertThat(receive.get("security").size()).isZero();
        assertThat(receive.get("responses").has("401")).isTrue();
        assertThat(receive.get("responses").has("413")).isTrue();
    }

    private List<String> allIds(String client) {
        List<String> ids = new ArrayList<>();
        json(api.get(client, ENDPOINTS + "?limit=100"))
                .get("items")
                .forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
