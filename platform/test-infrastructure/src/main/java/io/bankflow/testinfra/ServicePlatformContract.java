package io.bankflow.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every servlet service promises the platform, checked against the running application on real PostgreSQL,
 * Kafka, registry and issuer: its migrations ran, readiness includes the database and Kafka, Prometheus metrics carry
 * the application tag, health and the API document are open, and everything else needs a valid token and answers
 * errors as problem+json with the request id. A service's {@code *ApplicationIT} extends it:
 *
 * <pre>{@code
 * @ServiceIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = SHOW_READINESS_COMPONENTS)
 * class SyncApplicationIT extends ServicePlatformContract {
 *     @Override
 *     protected List<String> ownTables() {
 *         return List.of("sync_job", "statement_line");
 *     }
 * }
 * }</pre>
 */
public abstract class ServicePlatformContract {

    /** Shows which indicators the readiness group consists of, so the contract can check them. */
    public static final String SHOW_READINESS_COMPONENTS =
            "management.endpoint.health.group.readiness.show-components=always";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.application.name}")
    String application;

    /** Tables the service's own migrations create; the contract checks they exist. */
    protected abstract List<String> ownTables();

    @Test
    void migratesTheDatabaseWithFlyway() {
        assertThat(jdbc.queryForList(
                        "select table_name from information_schema.tables where table_schema = 'public'", String.class))
                .containsAll(ownTables())
                .contains("event_outbox", "processed_event");
        assertThat(jdbc.queryForObject(
                        "select count(*) from flyway_schema_history where version = '1' and success", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void isReadyWithItsDatabaseAndKafkaAndLive() throws Exception {
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
                .contains("application=\"" + application + "\"")
                .containsPattern("http_server_requests_seconds_bucket\\{.*application=\"" + application + "\"");
    }

    @Test
    void answersARequestWithoutATokenWith401AndAProblemDocument() throws Exception {
        String requestId = "it-" + application + "-401";
        HttpResponse<String> response = get("/api/banking/anything", "X-Request-Id", requestId);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .get()
                .asString()
                .startsWith("Bearer");
        assertThat(response.body())
                .contains("\"type\":\"https://bankflow.io/problems/unauthorized\"")
                .contains("\"requestId\":\"" + requestId + "\"");
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
        String requestId = "it-" + application + "-404";
        HttpResponse<String> response = get(
                "/no/such/endpoint",
                "X-Request-Id",
                requestId,
                "Authorization",
                "Bearer " + TestIssuer.accessToken("acme-erp"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue(requestId);
        assertThat(response.body())
                .contains("\"type\":\"https://bankflow.io/problems/not-found\"")
                .contains("\"requestId\":\"" + requestId + "\"");
    }

    @Test
    void servesItsOpenApiDocument() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"openapi\":\"3.");
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
