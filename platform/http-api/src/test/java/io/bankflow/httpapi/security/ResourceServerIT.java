package io.bankflow.httpapi.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.testinfra.ServiceIntegrationTest;
import io.bankflow.testinfra.TestIssuer;
import io.bankflow.testinfra.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real servlet container, against the real dev issuer: Boot's decoder fetches the issuer's discovery document and
 * keys, and the tokens the demo clients get are accepted with their organisation and roles.
 */
class ResourceServerIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpResponse<String> send(int port, String method, String path, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Nested
    @ServiceIntegrationTest(
            classes = SecurityTestApplication.class,
            webEnvironment = WebEnvironment.RANDOM_PORT,
            servers = TestServer.ISSUER)
    class TrustingTheTestIssuer {

        @LocalServerPort
        int port;

        @Test
        void acceptsTheIssuersTokenAndResolvesTheCaller() throws Exception {
            HttpResponse<String> response = send(
                    port,
                    "GET",
                    "/api/banking/whoami",
                    "Authorization",
                    "Bearer " + TestIssuer.accessToken("acme-erp"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body())
                    .contains("\"orgId\":\"acme-industries\"")
                    .contains("\"clientId\":\"acme-erp\"")
                    .contains("\"roles\":[\"finance\",\"admin\"]");
        }

        @Test
        void givesEachOrganisationItsOwnCaller() throws Exception {
            HttpResponse<String> response = send(
                    port,
                    "GET",
                    "/api/banking/whoami",
                    "Authorization",
                    "Bearer " + TestIssuer.accessToken("globex-erp"));

            assertThat(response.body()).contains("\"orgId\":\"globex-trading\"");
        }

        @Test
        void refusesTheReadOnlyClientAnAdminOperation() throws Exception {
            HttpResponse<String> response = send(
                    port,
                    "POST",
                    "/api/banking/settings",
                    "Authorization",
                    "Bearer " + TestIssuer.accessToken("acme-readonly"));

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"type\":\"https://bankflow.io/problems/forbidden\"");
        }

        @Test
        void answersAMissingTokenWith401ProblemAndChallenge() throws Exception {
            HttpResponse<String> response = send(port, "GET", "/api/banking/whoami", "X-Request-Id", "it-401");

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .get()
                    .asString()
                    .startsWith("Bearer");
            assertThat(response.body())
                    .contains("\"type\":\"https://bankflow.io/problems/unauthorized\"")
                    .contains("\"instance\":\"/api/banking/whoami\"")
                    .contains("\"requestId\":\"it-401\"");
        }

        @Test
        void rejectsAnIssuerTokenWhoseSignatureWasTamperedWith() throws Exception {
            String token = TestIssuer.accessToken("acme-erp");
            int inSignature = token.lastIndexOf('.') + 10; // a character carrying six bits of the signature
            char changed = token.charAt(inSignature) == 'A' ? 'B' : 'A';
            String tampered = token.substring(0, inSignature) + changed + token.substring(inSignature + 1);

            HttpResponse<String> response =
                    send(port, "GET", "/api/banking/whoami", "Authorization", "Bearer " + tampered);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .get()
                    .asString()
                    .contains("invalid_token");
            assertThat(response.body()).doesNotContain(tampered);
        }

        @Test
        void rejectsATokenSignedWithAKeyTheIssuerDoesNotPublish() throws Exception {
            String token = TestTokens.sign(
                    TestTokens.UNTRUSTED,
                    TestTokens.acmeErp().issuer(TestIssuer.issuerUri()).build());

            assertThat(send(port, "GET", "/api/banking/whoami", "Authorization", "Bearer " + token)
                            .statusCode())
                    .isEqualTo(401);
        }

        @Test
        void leavesThePublicPathsOpen() throws Exception {
            assertThat(send(port, "POST", "/webhooks/stripe/3f2504e0").statusCode())
                    .isEqualTo(200);
            // No actuator in this application: open, so the answer is "unknown path" rather than "token missing".
            assertThat(send(port, "GET", "/actuator/health/liveness").statusCode())
                    .isEqualTo(404);
        }
    }

    /** The issuer's keys are trusted, but the configured issuer is another one: the issuer check alone refuses. */
    @Nested
    @ServiceIntegrationTest(
            classes = SecurityTestApplication.class,
            webEnvironment = WebEnvironment.RANDOM_PORT,
            servers = TestServer.ISSUER,
            properties = {
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://issuer.example",
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=${BANKFLOW_ISSUER_URI}/oauth2/jwks"
            })
    class ExpectingAnotherIssuer {

        @LocalServerPort
        int port;

        @Test
        void rejectsAWellSignedTokenOfTheWrongIssuer() throws Exception {
            HttpResponse<String> response = send(
                    port,
                    "GET",
                    "/api/banking/whoami",
                    "Authorization",
                    "Bearer " + TestIssuer.accessToken("acme-erp"));

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .get()
                    .asString()
                    .contains("invalid_token")
                    .contains("iss");
        }
    }
}
