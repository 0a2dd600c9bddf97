package io.bankflow.httpapi.sample;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * In a real servlet container, failures outside Spring MVC go through the container's error page; they must be
 * problem documents with the request id too.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.application.name=sample-service",
            // The failing filter's paths are public so that the filter runs; everything else needs a token.
            "bankflow.http.security.public-paths=/payments/**,/explode,/locked,/nowhere"
        })
class ContainerErrorPageIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @TestConfiguration
    static class FailingFilters {

        /** Runs after the request id filter, as a security or other filter would. */
        @Bean
        FilterRegistrationBean<Filter> failingFilter() {
            Filter filter = (request, response, chain) -> {
                String path = ((HttpServletRequest) request).getRequestURI();
                if (path.equals("/explode")) {
                    throw new IllegalStateException("secret=hunter2");
                } else if (path.equals("/locked")) {
                    ((HttpServletResponse) response).sendError(401, "token hunter2 rejected");
                } else {
                    chain.doFilter(request, response);
                }
            };
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
            registration.setOrder(0);
            return registration;
        }
    }

    private HttpResponse<String> get(String path, String requestId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Request-Id", requestId)
                .header("Accept", path.startsWith("/v3") ? "application/json" : "text/html")
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void exceptionInAFilterIsAGeneric500ProblemWithTheRequestId() throws Exception {
        HttpResponse<String> response = get("/explode", "explode-1");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("explode-1");
        assertThat(response.body())
                .contains("\"type\":\"https://bankflow.io/problems/internal-error\"")
                .contains("\"instance\":\"/explode\"")
                .contains("\"requestId\":\"explode-1\"")
                .doesNotContain("hunter2");
    }

    @Test
    void sendErrorInAFilterKeepsItsStatusButNotItsMessage() throws Exception {
        HttpResponse<String> response = get("/locked", "locked-1");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"type\":\"https://bankflow.io/problems/unauthorized\"")
                .contains("\"requestId\":\"locked-1\"")
                .doesNotContain("hunter2");
    }

    @Test
    void unknownPathIsA404Problem() throws Exception {
        HttpResponse<String> response = get("/nowhere", "nowhere-1");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("nowhere-1");
        assertThat(response.body()).contains("\"requestId\":\"nowhere-1\"");
    }

    @Test
    void aProtectedPathWithoutATokenIsA401ProblemWithTheRequestId() throws Exception {
        HttpResponse<String> response = get("/protected", "protected-1");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .get()
                .asString()
                .startsWith("Bearer");
        assertThat(response.body())
                .contains("\"type\":\"https://bankflow.io/problems/unauthorized\"")
                .contains("\"instance\":\"/protected\"")
                .contains("\"requestId\":\"protected-1\"");
    }

    @Test
    void apiDocumentLeavesOutTheErrorPageAndIsTitledAfterTheApplication() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs", "docs-1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"title\":\"sample-service\"")
                .contains("\"/payments/{id}\"")
                .doesNotContain("\"/error\"");
    }

    @Test
    void apiDocumentDescribesEveryErrorResponseAsProblemJsonAndEveryProtectedOperationAs401() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs", "docs-3");

        JsonNode document = JsonMapper.builder().build().readTree(response.body());
        JsonNode getPayment =
                document.path("paths").path("/payments/{id}").path("get").path("responses");
        assertThat(getPayment.path("404").path("description").asString()).isEqualTo("No such payment.");
        assertThat(getPayment
                        .path("404")
                        .path("content")
                        .path("application/problem+json")
                        .path("schema")
                        .path("$ref")
                        .asString())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(getPayment.path("404").path("content").has("*/*")).isFalse();
        assertThat(getPayment.path("401").path("content").has("application/problem+json"))
                .isTrue();
        assertThat(document.path("components")
                        .path("schemas")
                        .path("Problem")
                        .path("required")
                        .toString())
                .contains("type", "title", "status");
    }

    @Test
    void apiDocumentRequiresABearerTokenAndDoesNotListTheCallerAsAParameter() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs", "docs-2");

        assertThat(response.body())
                .contains("\"bearer-jwt\":{\"type\":\"http\"")
                .contains("\"security\":[{\"bearer-jwt\":[]}]")
                .contains("\"/payments/mine\"")
                .doesNotContain("\"name\":\"caller\"")
                .doesNotContain("orgId");
    }
}
