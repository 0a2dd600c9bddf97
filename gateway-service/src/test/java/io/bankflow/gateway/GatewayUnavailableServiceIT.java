package io.bankflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.testinfra.ServiceIntegrationTest;
import io.bankflow.testinfra.TestIssuer;
import io.bankflow.testinfra.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A service that is down is the gateway's problem to explain: 503, problem document, request id. */
@ServiceIntegrationTest(servers = TestServer.ISSUER, webEnvironment = WebEnvironment.RANDOM_PORT)
class GatewayUnavailableServiceIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void serviceUrls(DynamicPropertyRegistry registry) {
        registry.add("BANKFLOW_CASHFLOW_URL", StubService::deadUrl);
    }

    @Test
    void answersAServiceThatIsDownWith503AndAProblemDocument() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/banking/cashflow/forecast"))
                .header("X-Request-Id", "gw-503")
                .header("Authorization", "Bearer " + TestIssuer.accessToken("acme-erp"))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("gw-503");
        assertThat(response.body())
                .contains("\"type\":\"https://bankflow.io/problems/service-unavailable\"")
                .contains("\"instance\":\"/api/banking/cashflow/forecast\"")
                .contains("\"requestId\":\"gw-503\"");
    }
}
