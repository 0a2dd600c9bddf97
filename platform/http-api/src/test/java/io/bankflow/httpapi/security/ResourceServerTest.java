package io.bankflow.httpapi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The rules every service's API runs behind, with real JWT decoding: tokens are signed here and checked against a
 * trusted key and issuer, as Boot's decoder checks them against the issuer's published keys.
 */
@WebMvcTest(controllers = CallerController.class, properties = "bankflow.http.security.public-paths=/sandbox/**")
@Import(TestTokens.Decoder.class)
class ResourceServerTest {

    private static final String TYPES = "https://bankflow.io/problems/";

    @Autowired
    MockMvcTester mvc;

    private MvcTestResult get(String path, String token) {
        return mvc.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }

    private static void assertProblem(MvcTestResult result, int status, String slug, String instance) {
        assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo(TYPES + slug);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status);
        assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo(instance);
        assertThat(result).bodyJson().extractingPath("$.title").asString().isNotBlank();
        assertThat(result).bodyJson().extractingPath("$.detail").asString().isNotBlank();
        String requestId = result.getResponse().getHeader("X-Request-Id");
        assertThat(requestId).isNotBlank();
        assertThat(result).bodyJson().extractingPath("$.requestId").isEqualTo(requestId);
    }

    private static void assertInvalidToken(MvcTestResult result, String path, String token) {
        assertProblem(result, 401, "unauthorized", path);
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
                .startsWith("Bearer ")
                .contains("error=\"invalid_token\"")
                .doesNotContain(token);
        assertThat(result).bodyText().doesNotContain(token);
    }

    @Nested
    class WithoutAToken {

        @Test
        void anApiRequestIs401ProblemWithABearerChallenge() {
            MvcTestResult result = mvc.get()
                    .uri("/api/banking/whoami")
                    .header("X-Request-Id", "no-token-1")
                    .exchange();

            assertProblem(result, 401, "unauthorized", "/api/banking/whoami");
            assertThat(result).bodyJson().extractingPath("$.requestId").isEqualTo("no-token-1");
            assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
                    .startsWith("Bearer")
                    .doesNotContain("error=");
        }

        @Test
        void anUnknownPathIs401RatherThanRevealingWhatExists() {
            assertProblem(mvc.get().uri("/no/such/thing").exchange(), 401, "unauthorized", "/no/such/thing");
        }

        @Test
        void anEmptyBearerIs401() {
            MvcTestResult result = mvc.get()
                    .uri("/api/banking/whoami")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer ")
                    .exchange();

            assertThat(result).hasStatus(401);
        }
    }

    @Nested
    class WithAnInvalidToken {

        @Test
        void aBadSignatureIs401() {
            String token =
                    TestTokens.sign(TestTokens.UNTRUSTED, TestTokens.acmeErp().build());

            assertInvalidToken(get("/api/banking/whoami", token), "/api/banking/whoami", token);
        }

        @Test
        void aTamperedPayloadIs401() {
            String[] parts = TestTokens.token(UnaryOperator.identity()).split("\\.");
            String forged = parts[0] + "."
                    + java.util.Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(
                                    "{\"iss\":\"https://issuer.test.bankflow.io\",\"sub\":\"acme-erp\",\"org_id\":\"globex-trading\"}"
                                            .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    + "." + parts[2];

            assertInvalidToken(get("/api/banking/whoami", forged), "/api/banking/whoami", forged);
        }

        @Test
        void anExpiredTokenIs401() {
            Instant longAgo = Instant.now().minus(Duration.ofHours(2));
            String token = TestTokens.token(claims -> claims.issueTime(Date.from(longAgo))
                    .notBeforeTime(Date.from(longAgo))
                    .expirationTime(Date.from(longAgo.plus(Duration.ofMinutes(15)))));

            assertInvalidToken(get("/api/banking/whoami", token), "/api/banking/whoami", token);
        }

        @Test
        void aTokenFromAnotherIssuerIs401() {
            String token = TestTokens.token(claims -> claims.issuer("https://evil.example"));

            assertInvalidToken(get("/api/banking/whoami", token), "/api/banking/whoami", token);
        }

        static Stream<UnaryOperator<com.nimbusds.jwt.JWTClaimsSet.Builder>> withoutAnOrganisation() {
            return Stream.of(
                    claims -> claims.claim("org_id", null),
                    claims -> claims.claim("org_id", " "),
                    claims -> claims.claim("org_id", List.of("acme-industries")));
        }

        @ParameterizedTest
        @MethodSource("withoutAnOrganisation")
        void aTokenWithoutAnOrganisationIs401(UnaryOperator<com.nimbusds.jwt.JWTClaimsSet.Builder> claims) {
            String token = TestTokens.token(claims);

            MvcTestResult result = get("/api/banking/no-caller", token);

            assertInvalidToken(result, "/api/banking/no-caller", token);
            assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
                    .contains("org_id");
        }

        @Test
        void somethingThatIsNotAJwtIs401() {
            assertInvalidToken(get("/api/banking/whoami", "not-a-jwt"), "/api/banking/whoami", "not-a-jwt");
        }
    }

    @Nested
    class WithAValidToken {

        @Test
        void theControllerGetsTheCallersOrganisationClientAndRoles() {
            MvcTestResult result = get("/api/banking/whoami", TestTokens.token(UnaryOperator.identity()));

            assertThat(result).hasStatusOk();
            assertThat(result).bodyJson().extractingPath("$.orgId").isEqualTo("acme-industries");
            assertThat(result).bodyJson().extractingPath("$.clientId").isEqualTo("acme-erp");
            assertThat(result).bodyJson().extractingPath("$.roles").asArray().containsExactly("finance", "admin");
        }

        @Test
        void theClientIdClaimNamesTheClientWhenPresent() {
            String token = TestTokens.token(
                    claims -> claims.subject("9b1c-service-account").claim("client_id", "erp"));

            assertThat(get("/api/banking/whoami", token))
                    .bodyJson()
                    .extractingPath("$.clientId")
                    .isEqualTo("erp");
        }

        @Test
        void unknownRolesAreIgnoredAndSpaceSeparatedRolesAreRead() {
            String token = TestTokens.token(claims -> claims.claim("roles", "offline_access finance"));

            assertThat(get("/api/banking/whoami", token))
                    .bodyJson()
                    .extractingPath("$.roles")
                    .asArray()
                    .containsExactly("finance");
        }

        @Test
        void aCallerWithTheRequiredRoleIsLetThrough() {
            MvcTestResult result = mvc.post()
                    .uri("/api/banking/settings")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token(UnaryOperator.identity()))
                    .exchange();

            assertThat(result).hasStatusOk();
            assertThat(result).bodyJson().extractingPath("$.changedFor").isEqualTo("acme-industries");
        }

        @Test
        void aCallerWithoutTheRequiredRoleIs403Problem() {
            String readOnly =
                    TestTokens.token(claims -> claims.subject("acme-readonly").claim("roles", List.of()));

            MvcTestResult result = mvc.post()
                    .uri("/api/banking/settings")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + readOnly)
                    .exchange();

            assertProblem(result, 403, "forbidden", "/api/banking/settings");
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.detail")
                    .isEqualTo("This operation requires the 'admin' role.");
            assertThat(result).bodyJson().extractingPath("$.requiredRole").isEqualTo("admin");
        }

        @Test
        void anUnknownPathIsA404Problem() {
            assertProblem(
                    get("/no/such/thing", TestTokens.token(UnaryOperator.identity())),
                    404,
                    "not-found",
                    "/no/such/thing");
        }

        @Test
        void noSessionCookieIsHandedOut() {
            MvcTestResult result = get("/api/banking/whoami", TestTokens.token(UnaryOperator.identity()));

            assertThat(result.getResponse().getHeader(HttpHeaders.SET_COOKIE)).isNull();
            assertThat(result.getRequest().getSession(false)).isNull();
        }
    }

    @Nested
    class PublicPaths {

        @Test
        void webhooksNeedNoToken() {
            assertThat(mvc.post().uri("/webhooks/stripe/3f2504e0").exchange())
                    .hasStatusOk()
                    .hasBodyTextEqualTo("webhook received");
        }

        @Test
        void theOAuthCallbackNeedsNoToken() {
            assertThat(mvc.get().uri("/oauth/callback?state=s&code=c").exchange())
                    .hasStatusOk()
                    .hasBodyTextEqualTo("callback received");
        }

        @Test
        void aServiceCanOpenMorePathsByConfiguration() {
            assertThat(mvc.get().uri("/sandbox/ping").exchange()).hasStatusOk();
        }

        @Test
        void postsNeedNoCsrfToken() {
            // CSRF protection is for cookie sessions; a token-authenticated POST must not be refused for want of one.
            assertThat(mvc.post().uri("/webhooks/stripe/3f2504e0").contentType(MediaType.APPLICATION_JSON))
                    .hasStatusOk();
        }

        @Test
        void aControllerThatAsksForACallerOnAPublicPathAnswers401() {
            MvcTestResult result = mvc.get().uri("/webhooks/whoami").exchange();

            assertProblem(result, 401, "unauthorized", "/webhooks/whoami");
            assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
                    .isEqualTo("Bearer");
        }
    }
}
