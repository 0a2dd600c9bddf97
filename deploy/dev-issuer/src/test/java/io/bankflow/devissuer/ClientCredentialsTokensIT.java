package io.bankflow.devissuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClientCredentialsTokensIT {

    @TempDir
    static Path secrets;

    @DynamicPropertySource
    static void secretsDirectory(DynamicPropertyRegistry registry) {
        registry.add("bankflow.issuer.secrets-dir", secrets::toString);
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void issuesATokenCarryingTheClientsOrganisationAndRoles() throws Exception {
        var response = tokenRequest("acme-erp", secretOf("acme-erp"));

        assertThat(response.status().value()).isEqualTo(200);
        Map<String, Object> claims = claimsOf((String) response.body().get("access_token"));
        assertThat(claims)
                .containsEntry("org_id", "acme-industries")
                .containsEntry("iss", "http://127.0.0.1:18675")
                .containsEntry("sub", "acme-erp");
        assertThat(claims.get("roles")).asList().containsExactly("finance", "admin");
    }

    @Test
    void givesEachOrganisationItsOwnClaim() throws Exception {
        var response = tokenRequest("globex-erp", secretOf("globex-erp"));

        assertThat(claimsOf((String) response.body().get("access_token"))).containsEntry("org_id", "globex-trading");
    }

    @Test
    void rejectsAWrongClientSecret() {
        assertThat(tokenRequest("acme-erp", "not-the-secret").status().value()).isEqualTo(401);
    }

    @Test
    void generatesSecretsReadableByTheOwnerOnly() throws Exception {
        assertThat(Files.getPosixFilePermissions(secrets.resolve("acme-erp.secret")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void keepsHealthOpenAndEverythingElseClosed() {
        RestClient client = RestClient.create("http://127.0.0.1:" + port);
        int health = client.get()
                .uri("/actuator/health/readiness")
                .exchange((request, response) -> response.getStatusCode().value());
        int other = client.get()
                .uri("/anything")
                .exchange((request, response) -> response.getStatusCode().value());

        assertThat(health).isEqualTo(200);
        assertThat(other).isIn(401, 403);
    }

    private String secretOf(String clientId) throws Exception {
        return Files.readString(secrets.resolve(clientId + ".secret"), StandardCharsets.US_ASCII)
                .strip();
    }

    private TokenResponse tokenRequest(String clientId, String secret) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "client_credentials");
        form.add("scope", "banking");
        return RestClient.create("http://127.0.0.1:" + port)
                .post()
                .uri("/oauth2/token")
                .headers(headers -> headers.setBasicAuth(clientId, secret))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .exchange((request, response) -> new TokenResponse(
                        response.getStatusCode(),
                        response.getStatusCode().is2xxSuccessful() ? response.bodyTo(Map.class) : Map.of()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> claimsOf(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonMapper.builder().build().readValue(payload, Map.class);
    }

    private record TokenResponse(HttpStatusCode status, Map<String, Object> body) {}
}
