package io.bankflow.cashflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.testinfra.ServiceIntegrationTest;
import io.bankflow.testinfra.TestIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application starts against real PostgreSQL, Kafka, the schema registry and the dev issuer, and serves the platform
 * endpoints: health, metrics and the API document without a token, everything else only with one.
 */
@ServiceIntegrationTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        // Shows which indicators the readiness group consists of, to check that it includes the database.
        properties = "management.endpoint.health.group.readiness.show-components=always")
class CashflowApplicationIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void migratesTheDatabaseWithFlyway() {
        assertThat(jdbc.queryForList(
                        "select table_name from information_schema.tables where table_schema = 'public'", String.class))
                .contains("applied_line", "daily_movement", "balance_anchor", "pending_line", "tracked_series")
                .doesNotContain("daily_balance");
        assertThat(jdbc.queryForObject(
                        "select count(*) from flyway_schema_history where version = '1' and success", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void isReadyAndLive() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        HttpResponse<String> liveness = get("/actuator/health/liveness");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body())
                .contains("\"status\":\"UP\"")
                .contains("\"db\"")
                .contains("\"kafka\"");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void exposesPrometheusMetricsTaggedWithTheApplication() throws Exception {
        get("/actuator/health"); // at least one timed request, so the HTTP server histogram exists

        HttpResponse<String> metrics = get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("application=\"cashflow-service\"")
                .containsPattern("http_server_requests_seconds_bucket\\{.*application=\"cashflow-service\"");
    }

    @Test
    void answersARequestWithoutATokenWith401AndAProblemDocument() throws Exception {
        HttpResponse<String> response = get("/api/banking/anything", "X-Request-Id", "it-cashflow-service-401");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .get()
                .asString()
                .startsWith("Bearer");
        assertThat(response.body())
                .contains("\"type\":\"https://bankflow.io/problems/unauthorized\"")
                .contains("\"requestId\":\"it-cashflow-service-401\"");
    }

    @Test
    void rejectsATokenWhoseSignatureWasTamperedWith() throws Exception {
        String token = TestIssuer.accessToken("acme-erp");
        int inSignature = token.lastIndexOf('.') + 10; // a character carrying six bits of the signature
        char changed = token.charAt(inSignature) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, inSignature) + changed + token.substring(inSignature + 1);

        HttpResponse<String> response = get("/no/such/endpoint", "Authorization", "Bearer " + tampered);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .get()
                .asString()
                .contains("invalid_token");
    }

    @Test
    void answersAnUnknownPathWithAProblemDocumentCarryingTheRequestId() throws Exception {
        HttpResponse<String> response = get(
                "/no/such/endpoint",
                "X-Request-Id",
                "it-cashflow-service-1",
                "Authorization",
                "Bearer " + TestIssuer.accessToken("acme-erp"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("it-cashflow-service-1");
        assertThat(response.body())
                .contains("\"type\":\"https://bankflow.io/problems/not-found\"")
                .contains("\"requestId\":\"it-cashflow-service-1\"");
    }

    @Test
    void servesItsOpenApiDocument() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"openapi\":\"3.");
    }
}
