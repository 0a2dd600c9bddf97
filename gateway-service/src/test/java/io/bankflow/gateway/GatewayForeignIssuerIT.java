package io.bankflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.testinfra.ServiceIntegrationTest;
import io.bankflow.testinfra.TestIssuer;
import io.bankflow.testinfra.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway trusts the dev issuer's keys but expects another issuer: a token that is well signed but was issued by
 * someone else is refused by the issuer check alone.
 */
@ServiceIntegrationTest(
        servers = TestServer.ISSUER,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://issuer.example",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=${BANKFLOW_ISSUER_URI}/oauth2/jwks"
        })
class GatewayForeignIssuerIT {

    private static final StubService CONNECTION = StubService.start("connection");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void serviceUrls(DynamicPropertyRegistry registry) {
        registry.add("BANKFLOW_CONNECTION_URL", CONNECTION::url);
    }

    @AfterAll
    static void stopService() {
        CONNECTION.close();
    }

    @Test
    void refusesAWellSignedTokenFromAnotherIssuer() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/banking/accounts"))
                .header("Authorization", "Bearer " + TestIssuer.accessToken("acme-erp"))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .get()
                .asString()
                .contains("invalid_token")
                .contains("iss");
        assertThat(response.body()).doesNotStartWith("connection");
    }
}
