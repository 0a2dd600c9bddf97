package io.bankflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.testinfra.ServiceIntegrationTest;
import io.bankflow.testinfra.TestIssuer;
import io.bankflow.testinfra.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With a bucket of one request per second, an organisation's second request in the same second is refused: 429 as a
 * problem document with Retry-After, keyed by the token's organisation, never by who sends it.
 */
@ServiceIntegrationTest(
        servers = TestServer.ISSUER,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"bankflow.gateway.rate-limit.replenish-rate=1", "bankflow.gateway.rate-limit.burst-capacity=1"})
class GatewayRateLimitIT {

    private static final StubService CASHFLOW = StubService.start("cashflow");
    private static final StubService WEBHOOK_INGEST = StubService.start("webhook-ingest");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void serviceUrls(DynamicPropertyRegistry registry) {
        registry.add("BANKFLOW_CASHFLOW_URL", CASHFLOW::url);
        registry.add("BANKFLOW_WEBHOOK_INGEST_URL", WEBHOOK_INGEST::url);
    }

    @AfterAll
    static void stopServices() {
        CASHFLOW.close();
        WEBHOOK_INGEST.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Requests in quick succession until one is refused; Redis counts whole seconds, so at most two pass. */
    private List<HttpResponse<String>> burst(String clientId, int attempts) throws Exception {
        String token = "Bearer " + TestIssuer.accessToken(clientId);
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            HttpResponse<String> response =
                    get("/api/banking/cashflow/forecast", "Authorization", token, "X-Request-Id", "limit-" + i);
            responses.add(response);
            if (response.statusCode() == 429) {
                break;
            }
        }
        return responses;
    }

    @Test
    void refusesAnOrganisationOverItsLimitWith429ProblemAndRetryAfter() throws Exception {
        List<HttpResponse<String>> responses = burst("acme-erp", 5);

        HttpResponse<String> refused = responses.getLast();
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(responses.subList(0, responses.size() - 1))
                .allSatisfy(passed -> assertThat(passed.statusCode()).isEqualTo(200));
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(refused.headers().firstValue("X-RateLimit-Replenish-Rate")).hasValue("1");
        String requestId = "limit-" + (responses.size() - 1);
        assertThat(refused.headers().allValues("X-Request-Id")).containsExactly(requestId);
        assertThat(refused.body())
                .contains("\"type\":\"https://bankflow.io/problems/too-many-requests\"")
                .contains("\"status\":429")
                .contains("\"instance\":\"/api/banking/cashflow/forecast\"")
                .contains("\"requestId\":\"" + requestId + "\"");
    }

    @Test
    void keepsEachOrganisationsBucketApart() throws Exception {
        // acme-industries spends its bucket ...
        assertThat(burst("acme-erp", 5).getLast().statusCode()).isEqualTo(429);

        // ... which leaves globex-trading's untouched (no other test here calls as globex): its request passes.
        List<HttpResponse<String>> globex = burst("globex-erp", 1);
        assertThat(globex.getFirst().statusCode()).isEqualTo(200);
    }

    @Test
    void doesNotLimitProviderWebhooks() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(get("/webhooks/stripe/3f2504e0").statusCode()).isEqualTo(200);
        }
    }
}
