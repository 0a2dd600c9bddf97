package io.bankflow.sandboxbank;

import static io.bankflow.sandboxbank.SandboxClient.REDIRECT_URI;
import static io.bankflow.sandboxbank.SandboxClient.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.sandboxbank.SandboxClient.Connection;
import io.bankflow.sandboxbank.SandboxClient.Reply;
import io.bankflow.sandboxbank.oauth.domain.Pkce;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@SandboxBankTest
class OAuthFlowIT {

    @LocalServerPort
    int port;

    SandboxClient bank;

    @BeforeEach
    void client() {
        bank = new SandboxClient(port);
    }

    @Test
    void publishesAuthorizationServerMetadata() {
        Map<String, Object> metadata =
                bank.get("/.well-known/oauth-authorization-server").json();

        assertThat(metadata)
                .containsEntry("issuer", bank.base)
                .containsEntry("authorization_endpoint", bank.base + "/oauth2/authorize")
                .containsEntry("token_endpoint", bank.base + "/oauth2/token")
                .containsEntry("revocation_endpoint", bank.base + "/oauth2/revoke");
        assertThat(metadata.get("code_challenge_methods_supported")).isEqualTo(java.util.List.of("S256"));
    }

    @Test
    void theCodeFlowWithPkceGivesTokensThatReadTheConsentedAccounts() {
        String consentId = bank.createAllPsd2Consent();
        String verifier = SandboxClient.newVerifier();

        Reply redirect = bank.authorize(consentId, verifier, "xyz-123");
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).startsWith(REDIRECT_URI + "?");
        Map<String, String> params = query(redirect.header("Location"));
        assertThat(params).containsEntry("state", "xyz-123").containsKey("code");

        Reply tokens = bank.exchange(params.get("code"), verifier);
        assertThat(tokens.status()).isEqualTo(200);
        assertThat(tokens.header("Cache-Control")).contains("no-store");
        assertThat(tokens.json())
                .containsEntry("token_type", "Bearer")
                .containsEntry("expires_in", 300)
                .containsEntry("scope", "AIS:" + consentId)
                .containsKeys("access_token", "refresh_token");

        Connection connection = new Connection(consentId, (String) tokens.json().get("access_token"), (String)
                tokens.json().get("refresh_token"));
        assertThat(bank.ais("/v1/accounts", connection).status()).isEqualTo(200);
        assertThat(bank.get(
                                "/v1/consents/" + consentId + "/status",
                                "X-Request-ID",
                                java.util.UUID.randomUUID().toString())
                        .json())
                .containsEntry("consentStatus", "valid");
    }

    @Test
    void aWrongVerifierIsRejected() {
        String consentId = bank.createAllPsd2Consent();
        String verifier = SandboxClient.newVerifier();
        String code = query(bank.authorize(consentId, verifier, "s").header("Location"))
                .get("code");

        Reply tokens = bank.exchange(code, SandboxClient.newVerifier());

        assertThat(tokens.status()).isEqualTo(400);
        assertThat(tokens.json()).containsEntry("error", "invalid_grant");
    }

    @Test
    void aReplayedCodeIsRejectedAndTheTokensIssuedFromItAreRevoked() {
        String consentId = bank.createAllPsd2Consent();
        String verifier = SandboxClient.newVerifier();
        String code = query(bank.authorize(consentId, verifier, "s").header("Location"))
                .get("code");
        Reply first = bank.exchange(code, verifier);
        Connection connection = new Connection(consentId, (String) first.json().get("access_token"), (String)
                first.json().get("refresh_token"));
        assertThat(bank.ais("/v1/accounts", connection).status()).isEqualTo(200);

        Reply replay = bank.exchange(code, verifier);

        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.json()).containsEntry("error", "invalid_grant");
        Reply read = bank.ais("/v1/accounts", connection);
        assertThat(read.status()).isEqualTo(401);
        assertThat(SandboxClient.<String>at(read.json(), "tppMessages", "0", "code"))
                .isEqualTo("TOKEN_UNKNOWN");
        Reply refresh = bank.postForm(
                "/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", connection.refreshToken()));
        assertThat(refresh.json()).containsEntry("error", "invalid_grant");
    }

    @Test
    void refreshRotatesTheRefreshTokenAndTheOldOneStopsWorking() {
        Connection connection = bank.connect();

        Reply refreshed = bank.postForm(
                "/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", connection.refreshToken()));
        assertThat(refreshed.status()).isEqualTo(200);
        String newRefresh = (String) refreshed.json().get("refresh_token");
        assertThat(newRefresh).isNotEqualTo(connection.refreshToken());
        Connection renewed =
                new Connection(connection.consentId(), (String) refreshed.json().get("access_token"), newRefresh);
        assertThat(bank.ais("/v1/accounts", renewed).status()).isEqualTo(200);

        Reply reused = bank.postForm(
                "/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", connection.refreshToken()));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json()).containsEntry("error", "invalid_grant");
    }

    @Test
    void revokedTokensNoLongerWork() {
        Connection connection = bank.connect();

        Reply revoked = bank.postForm(
                "/oauth2/revoke", Map.of("token", connection.refreshToken(), "token_type_hint", "refresh_token"));

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(bank.ais("/v1/accounts", connection).status()).isEqualTo(401);
        assertThat(bank.postForm(
                                "/oauth2/token",
                                Map.of("grant_type", "refresh_token", "refresh_token", connection.refreshToken()))
                        .json())
                .containsEntry("error", "invalid_grant");
        // RFC 7009: unknown tokens are answered 200 too
        assertThat(bank.postForm("/oauth2/revoke", Map.of("token", "unknown")).status())
                .isEqualTo(200);
    }

    @Test
    void theTokenEndpointRequiresClientAuthentication() {
        Reply anonymous =
                bank.postForm("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", "x"), null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json()).containsEntry("error", "invalid_client");

        Reply wrong = bank.postForm(
                "/oauth2/token",
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "refresh_token",
                        "x",
                        "client_id",
                        SandboxClient.CLIENT_ID,
                        "client_secret",
                        "wrong"),
                null);
        assertThat(wrong.status()).isEqualTo(401);

        Reply post = bank.postForm(
                "/oauth2/token",
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        SandboxClient.CLIENT_ID,
                        "client_secret",
                        SandboxClient.clientSecret()),
                null);
        assertThat(post.json()).containsEntry("error", "unsupported_grant_type");
    }

    @Test
    void authorizationRequiresS256Pkce() {
        String consentId = bank.createAllPsd2Consent();
        String common = "/oauth2/authorize?response_type=code&client_id=bankflow-local&redirect_uri="
                + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8) + "&scope=AIS:" + consentId + "&state=s";

        Reply missing = bank.get(common);
        assertThat(missing.status()).isEqualTo(302);
        assertThat(query(missing.header("Location")))
                .containsEntry("error", "invalid_request")
                .containsEntry("state", "s");

        String challenge = Pkce.challengeOf(SandboxClient.newVerifier());
        Reply plain = bank.get(common + "&code_challenge=" + challenge + "&code_challenge_method=plain");
        assertThat(query(plain.header("Location"))).containsEntry("error", "invalid_request");
        Reply noMethod = bank.get(common + "&code_challenge=" + challenge);
        assertThat(query(noMethod.header("Location"))).containsEntry("error", "invalid_request");
    }

    @Test
    void unknownClientsAndUnregisteredRedirectUrisAreNotRedirectedTo() {
        String consentId = bank.createAllPsd2Consent();
        String challenge = Pkce.challengeOf(SandboxClient.newVerifier());
        String tail = "&scope=AIS:" + consentId + "&code_challenge=" + challenge + "&code_challenge_method=S256";

        Reply unknownClient = bank.get("/oauth2/authorize?response_type=code&client_id=intruder&redirect_uri="
                + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8) + tail);
        assertThat(unknownClient.status()).isEqualTo(400);
        assertThat(unknownClient.header("Location")).isNull();

        Reply evilRedirect = bank.get("/oauth2/authorize?response_type=code&client_id=bankflow-local&redirect_uri="
                + URLEncoder.encode("https://evil.example/oauth/callback", StandardCharsets.UTF_8) + tail);
        assertThat(evilRedirect.status()).isEqualTo(400);
        assertThat(evilRedirect.header("Location")).isNull();
    }

    @Test
    void anUnknownConsentIsAnInvalidScope() {
        Reply redirect = bank.authorize("no-such-consent", SandboxClient.newVerifier(), "s");

        assertThat(query(redirect.header("Location"))).containsEntry("error", "invalid_scope");
    }
}
