package io.bankflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway against stand-in services and the machine's Redis: routing, request ids, its own errors as problem
 * documents, health and metrics.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        // Shows which indicators the readiness group consists of, to check that it includes Redis.
        properties = "management.endpoint.health.group.readiness.show-components=always")
class GatewayApplicationIT {

    private static final Map<String, StubService> SERVICES = Map.of(
            "connection", StubService.start("connection"),
            "sync", StubService.start("sync"),
            "reconciliation", StubService.start("reconciliation"),
            "cashflow", StubService.start("cashflow"),
            "webhook-ingest", StubService.start("webhook-ingest"));

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void serviceUrls(DynamicPropertyRegistry registry) {
        registry.add("BANKFLOW_CONNECTION_URL", SERVICES.get("connection")::url);
        registry.add("BANKFLOW_SYNC_URL", SERVICES.get("sync")::url);
        registry.add("BANKFLOW_RECONCILIATION_URL", SERVICES.get("reconciliation")::url);
        registry.add("BANKFLOW_CASHFLOW_URL", SERVICES.get("cashflow")::url);
        registry.add("BANKFLOW_WEBHOOK_INGEST_URL", SERVICES.get("webhook-ingest")::url);
    }

    @AfterAll
    static void stopServices() {
        SERVICES.values().forEach(StubService::close);
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @CsvSource({
        "/api/banking/accounts, connection",
        "/api/banking/accounts/7c1e/balances, connection",
        "/api/banking/connections/42, connection",
        "/oauth/callback?state=s&code=c, connection",
        "/api/banking/sync-jobs, sync",
        "/api/banking/statement-imports/9, sync",
        "/api/banking/reconciliation/matches, reconciliation",
        "/api/banking/expected-payments, reconciliation",
        "/api/banking/review-queue/items, reconciliation",
        "/api/banking/cashflow/forecast?days=30, cashflow",
        "/webhooks/stripe/3f2504e0, webhook-ingest",
        "/api/banking/webhook-endpoints, webhook-ingest"
    })
    void routesEachPublicPathToItsServiceUnchanged(String path, String service) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith(service + " " + path + " ");
    }

    @Test
    void forwardsTheCallersRequestIdAndReturnsItOnce() throws Exception {
        HttpResponse<String> response = get("/api/banking/accounts", "X-Request-Id", "erp-4711");

        assertThat(response.body()).endsWith(" erp-4711");
        assertThat(response.headers().allValues("X-Request-Id")).containsExactly("erp-4711");
    }

    @Test
    void generatesARequestIdWhenNoneIsSent() throws Exception {
        HttpResponse<String> response = get("/api/banking/accounts");

        List<String> ids = response.headers().allValues("X-Request-Id");
        assertThat(ids).singleElement().asString().matches(UUID_PATTERN);
        assertThat(response.body()).endsWith(" " + ids.getFirst());
    }

    @Test
    void replacesAnUnsafeRequestIdBeforeTheServiceSeesIt() throws Exception {
        HttpResponse<String> response = get("/api/banking/accounts", "X-Request-Id", "<script>alert(1)</script>");

        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).matches(UUID_PATTERN);
        assertThat(response.body()).endsWith(" " + id).doesNotContain("script");
    }

    @Test
    void doesNotRouteToTheTokenVault() throws Exception {
        assertThat(get("/api/banking/tokens").statusCode()).isEqualTo(404);
    }

    @Test
    void answersAnUnknownPathWithAProblemDocumentCarryingTheRequestId() throws Exception {
        HttpResponse<String> response = get("/no/such/endpoint?secret=abc", "X-Request-Id", "gw-404");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("gw-404");
        assertThat(response.body())
                .contains("\"type\":\"https://bankflow.io/problems/not-found\"")
                .contains("\"status\":404")
                .contains("\"detail\":\"No endpoint GET /no/such/endpoint.\"")
                .contains("\"instance\":\"/no/such/endpoint\"")
                .contains("\"requestId\":\"gw-404\"")
                .doesNotContain("secret");
    }

    @Test
    void isReadyWithRedisAndLive() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        HttpResponse<String> liveness = get("/actuator/health/liveness");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"").contains("\"redis\"");
        assertThat(liveness.statusCode()).isEqualTo(200);
    }

    @Test
    void exposesPrometheusMetricsTaggedWithTheApplicationAndRoute() throws Exception {
        get("/api/banking/accounts"); // one routed request, so the route timer and its histogram exist

        HttpResponse<String> metrics = get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("http_server_requests_seconds_bucket\\{.*application=\"gateway-service\"")
                .containsPattern("spring_cloud_gateway_requests_seconds_bucket\\{.*routeId=\"connection\"");
    }
}
