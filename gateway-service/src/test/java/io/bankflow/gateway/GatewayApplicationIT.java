package io.bankflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.testinfra.ServiceIntegrationTest;
import io.bankflow.testinfra.TestIssuer;
import io.bankflow.testinfra.TestServer;
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
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway against stand-in services, the machine's Redis and the dev issuer: authentication, routing, request ids,
 * its own errors as problem documents, health and metrics.
 */
@ServiceIntegrationTest(
        servers = TestServer.ISSUER,
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

    /** As an ERP back end calls the API: with acme-erp's token. */
    private HttpResponse<String> getAsErp(String path, String... headers) throws IOException, InterruptedException {
        String[] withToken = new String[headers.length + 2];
        System.arraycopy(headers, 0, withToken, 0, headers.length);
        withToken[headers.length] = "Authorization";
        withToken[headers.length + 1] = "Bearer " + TestIssuer.accessToken("acme-erp");
        return get(path, withToken);
    }

    @ParameterizedTest
    @CsvSource({
        "/api/banking/accounts, connection",
        "/api/banking/accounts/7c1e/balances, connection",
        "/api/banking/connections/42, connection",
        "/api/banking/audit?connectionId=42, connection",
        "/api/banking/sync-jobs, sync",
        "/api/banking/statement-imports/9, sync",
        "/api/banking/reconciliation/matches, reconciliation",
        "/api/banking/expected-payments, reconciliation",
        "/api/banking/review-queue/items, reconciliation",
        "/api/banking/cashflow/forecast?days=30, cashflow",
        "/api/banking/webhook-endpoints, webhook-ingest"
    })
    void routesEachApiPathOfAnAuthenticatedCallerToItsServiceUnchanged(String path, String service) throws Exception {
        HttpResponse<String> response = getAsErp(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith(service + " " + path + " ");
    }

    @ParameterizedTest
    @CsvSource({"/webhooks/stripe/3f2504e0, webhook-ingest", "/oauth/callback?state=s&code=c, connection"})
    void routesWebhooksAndTheOAuthCallbackWithoutAToken(String path, String service) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith(service + " " + path + " ");
    }

    @Test
    void forwardsTheAuthorizationHeaderUnchanged() throws Exception {
        String token = TestIssuer.accessToken("acme-erp");

        HttpResponse<String> response = get("/api/banking/accounts", "Authorization", "Bearer " + token);

        assertThat(response.headers().firstValue(StubService.SEEN_AUTHORIZATION))
                .hasValue("Bearer " + token);
    }

    @Test
    void answersAnApiRequestWithoutATokenWith401ProblemAndDoesNotRouteIt() throws Exception {
        HttpResponse<String> response = get("/api/banking/accounts", "X-Request-Id", "gw-401");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.headers().allValues("X-Request-Id")).containsExactly("gw-401");
        assertThat(response.body())
                .contains("\"type\":\"https://bankflow.io/problems/unauthorized\"")
                .contains("\"status\":401")
                .contains("\"instance\":\"/api/banking/accounts\"")
                .contains("\"requestId\":\"gw-401\"")
                .doesNotStartWith("connection");
    }

    @Test
    void answersAnIssuerTokenWithATamperedSignatureWith401() throws Exception {
        String token = TestIssuer.accessToken("acme-erp");
        int inSignature = token.lastIndexOf('.') + 10; // a character carrying six bits of the signature
        char changed = token.charAt(inSignature) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, inSignature) + changed + token.substring(inSignature + 1);

        HttpResponse<String> response = get("/api/banking/accounts", "Authorization", "Bearer " + tampered);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .get()
                .asString()
                .startsWith("Bearer error=\"invalid_token\"")
                .doesNotContain(tampered);
        assertThat(response.body())
                .contains("\"type\":\"https://bankflow.io/problems/unauthorized\"")
                .doesNotContain(tampered);
    }

    @Test
    void answersATokenSignedWithAKeyTheIssuerDoesNotPublishWith401() throws Exception {
        String forged = ForeignTokens.signedByAnotherKey(TestIssuer.issuerUri(), "acme-industries");

        HttpResponse<String> response = get("/api/banking/accounts", "Authorization", "Bearer " + forged);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .get()
                .asString()
                .contains("invalid_token");
    }

    @Test
    void answersSomethingThatIsNotAJwtWith401() throws Exception {
        assertThat(get("/api/banking/accounts", "Authorization", "Bearer not-a-jwt")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void forwardsTheCallersRequestIdAndReturnsItOnce() throws Exception {
        HttpResponse<String> response = getAsErp("/api/banking/accounts", "X-Request-Id", "erp-4711");

        assertThat(response.body()).endsWith(" erp-4711");
        assertThat(response.headers().allValues("X-Request-Id")).containsExactly("erp-4711");
    }

    @Test
    void generatesARequestIdWhenNoneIsSent() throws Exception {
        HttpResponse<String> response = getAsErp("/api/banking/accounts");

        List<String> ids = response.headers().allValues("X-Request-Id");
        assertThat(ids).singleElement().asString().matches(UUID_PATTERN);
        assertThat(response.body()).endsWith(" " + ids.getFirst());
    }

    @Test
    void replacesAnUnsafeRequestIdBeforeTheServiceSeesIt() throws Exception {
        HttpResponse<String> response = getAsErp("/api/banking/accounts", "X-Request-Id", "<script>alert(1)</script>");

        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).matches(UUID_PATTERN);
        assertThat(response.body()).endsWith(" " + id).doesNotContain("script");
    }

    @Test
    void reportsTheRateLimitOfTheCallersOrganisation() throws Exception {
        HttpResponse<String> response = getAsErp("/api/banking/accounts");

        assertThat(response.headers().firstValue("X-RateLimit-Replenish-Rate")).hasValue("50");
        assertThat(response.headers().firstValue("X-RateLimit-Burst-Capacity")).hasValue("100");
    }

    @Test
    void doesNotRouteToTheTokenVault() throws Exception {
        assertThat(getAsErp("/api/banking/tokens").statusCode()).isEqualTo(404);
    }

    @Test
    void answersAnUnknownPathWithAProblemDocumentCarryingTheRequestId() throws Exception {
        HttpResponse<String> response = getAsErp("/no/such/endpoint?secret=abc", "X-Request-Id", "gw-404");

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
    void answersAnUnknownPathWithoutATokenWith401RevealingNothing() throws Exception {
        assertThat(get("/no/such/endpoint").statusCode()).isEqualTo(401);
    }

    @Test
    void isReadyWithRedisAndLiveWithoutAToken() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        HttpResponse<String> liveness = get("/actuator/health/liveness");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"").contains("\"redis\"");
        assertThat(liveness.statusCode()).isEqualTo(200);
    }

    @Test
    void exposesPrometheusMetricsTaggedWithTheApplicationAndRouteWithoutAToken() throws Exception {
        getAsErp("/api/banking/accounts"); // one routed request, so the route timer and its histogram exist

        HttpResponse<String> metrics = get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("http_server_requests_seconds_bucket\\{.*application=\"gateway-service\"")
                .containsPattern("spring_cloud_gateway_requests_seconds_bucket\\{.*routeId=\"connection\"");
    }
}
