package io.bankflow.tokenvault.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.events.EventTopics;
import io.bankflow.events.token.TokenExpired;
import io.bankflow.events.token.TokenExpiryReason;
import io.bankflow.events.token.TokenRefreshed;
import io.bankflow.testinfra.ServiceIntegrationTest;
import io.bankflow.testinfra.TestIssuer;
import io.bankflow.testinfra.TestSandboxBank;
import io.bankflow.tokenvault.tokens.application.RefreshTokens;
import io.bankflow.tokenvault.tokens.application.port.out.TokenRecords;
import io.bankflow.tokenvault.tokens.application.port.out.TokenSealer;
import io.bankflow.tokenvault.tokens.domain.SealedField;
import io.bankflow.tokenvault.tokens.domain.TokenRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Code exchange and refresh against the real sandbox bank (a child process per class): a consent authorised at the
 * bank, its code exchanged by the vault, the stored tokens read accounts at the bank, refreshed with rotation, and
 * expired when the bank kills the refresh token. Real PostgreSQL, Kafka, registry and dev issuer tokens.
 */
@ServiceIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ProviderTokensIT {

    static final String CONNECTION_SERVICE = "connection-service";
    static final String SYNC_SERVICE = "sync-service";
    static final String ACME = "acme-industries";
    static final String REDIRECT_URI = "http://127.0.0.1:18600/oauth/callback";
    static final JsonMapper JSON = JsonMapper.builder().build();

    static TestSandboxBank bank;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        bank = TestSandboxBank.builder().redirectUris(REDIRECT_URI).start();
        String sandbox = "bankflow.token-vault.providers.sandbox-bank.";
        registry.add(sandbox + "token-endpoint", () -> bank.url("/oauth2/token"));
        registry.add(sandbox + "client-id", () -> TestSandboxBank.CLIENT_ID);
        registry.add(sandbox + "client-secret", () -> "");
        registry.add(
                sandbox + "client-secret-file", () -> bank.clientSecretFile().toString());
        // A provider nobody listens for: a port that was free a moment ago.
        String offline = "bankflow.token-vault.providers.offline-bank.";
        registry.add(
                offline + "token-endpoint", () -> "http://127.0.0.1:" + TestSandboxBank.freePort() + "/oauth2/token");
        registry.add(offline + "client-id", () -> "bankflow");
        registry.add(offline + "client-secret", () -> "not-used-" + UUID.randomUUID());
        registry.add(offline + "connect-timeout", () -> "2s");
    }

    @AfterAll
    static void stopBank() {
        if (bank != null) {
            bank.close();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RefreshTokens refreshTokens;

    @Autowired
    DataSource dataSource;

    @Autowired
    TokenRecords records;

    @Autowired
    TokenSealer sealer;

    @Autowired
    ConsumerFactory<String, Object> consumerFactory;

    final HttpClient http = HttpClient.newHttpClient();
    UUID connection;

    @BeforeEach
    void newConnection() {
        connection = UUID.randomUUID();
    }

    // ---- code exchange -------------------------------------------------------------------------------------------

    @Test
    void exchangesTheCodeOfAnAuthorisedConsentAndHandsOutATokenThatReadsTheBanksAccounts(CapturedOutput output) {
        TestSandboxBank.Authorization consent = bank.authorize(REDIRECT_URI);

        HttpResponse<String> exchanged = exchange(CONNECTION_SERVICE, connection, "sandbox-bank", consent);
        HttpResponse<String> handedOut = obtain(connection);

        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(204);
        assertThat(handedOut.statusCode()).as(handedOut.body()).isEqualTo(200);
        String accessToken = JSON.readTree(handedOut.body()).get("accessToken").asString();
        assertThat(accountIds(consent.consentId(), accessToken)).isNotEmpty();
        Map<String, Object> row = jdbc.sql("""
                        SELECT status, provider, scope, refresh_token_ciphertext IS NOT NULL AS has_refresh
                        FROM token_record WHERE connection_id = :c
                        """).param("c", connection).query().singleRow();
        assertThat(row)
                .containsEntry("status", "ACTIVE")
                .containsEntry("provider", "sandbox-bank")
                .containsEntry("scope", "AIS:" + consent.consentId())
                .containsEntry("has_refresh", true);
        assertThat(audit(connection))
                .containsExactly(
                        List.of("AUTHORIZATION_CODE_EXCHANGED", CONNECTION_SERVICE),
                        List.of("ACCESS_TOKEN_HANDED_OUT", SYNC_SERVICE));
        assertNowhere(output, consent.code(), consent.codeVerifier(), accessToken, refreshTokenOf(connection));
    }

    @Test
    void answersAReplayedCodeWith422AuthorizationCodeRejectedWithoutTheCode(CapturedOutput output) {
        TestSandboxBank.Authorization consent = bank.authorize(REDIRECT_URI);
        assertThat(exchange(CONNECTION_SERVICE, connection, "sandbox-bank", consent)
                        .statusCode())
                .isEqualTo(204);

        HttpResponse<String> replayed = exchange(CONNECTION_SERVICE, UUID.randomUUID(), "sandbox-bank", consent);

        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(422);
        assertThat(replayed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(replayed.body())
                .contains("\"type\":\"https://bankflow.io/problems/authorization-code-rejected\"")
                .doesNotContain(consent.code())
                .doesNotContain(consent.codeVerifier());
        assertNowhere(output, consent.code(), consent.codeVerifier());
    }

    @Test
    void answersAnotherOrganisationsConnectionWith404BeforeSpendingTheCode() {
        TestSandboxBank.Authorization first = bank.authorize(REDIRECT_URI);
        exchange(CONNECTION_SERVICE, connection, "sandbox-bank", first);
        TestSandboxBank.Authorization second = bank.authorize(REDIRECT_URI);

        HttpResponse<String> foreign =
                exchange(CONNECTION_SERVICE, connection, "sandbox-bank", second, "globex-trading");

        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(404);
        // The code is still good for the connection it belongs to.
        UUID other = UUID.randomUUID();
        assertThat(exchange(CONNECTION_SERVICE, other, "sandbox-bank", second).statusCode())
                .isEqualTo(204);
        assertThat(audit(connection)).containsExactly(List.of("AUTHORIZATION_CODE_EXCHANGED", CONNECTION_SERVICE));
    }

    @Test
    void answersAnUnreachableProviderWith502ProviderUnavailable() {
        TestSandboxBank.Authorization consent =
                new TestSandboxBank.Authorization("none", "code-" + UUID.randomUUID(), TestSandboxBank.newVerifier());

        HttpResponse<String> response = exchange(CONNECTION_SERVICE, connection, "offline-bank", consent);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(502);
        assertThat(response.body()).contains("\"type\":\"https://bankflow.io/problems/provider-unavailable\"");
        assertThat(rowCount(connection)).isZero();
    }

    @Test
    void refusesTheCodeExchangeToAnyoneButConnectionService() {
        TestSandboxBank.Authorization consent = bank.authorize(REDIRECT_URI);

        HttpResponse<String> response = exchange(SYNC_SERVICE, connection, "sandbox-bank", consent);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(rowCount(connection)).isZero();
        // The code was not spent: connection-service can still exchange it.
        assertThat(exchange(CONNECTION_SERVICE, connection, "sandbox-bank", consent)
                        .statusCode())
                .isEqualTo(204);
    }

    // ---- refresh ---------------------------------------------------------------------------------------------------

    @Test
    void refreshesADueTokenWithRotationAndPublishesTokenRefreshed(CapturedOutput output) {
        TestSandboxBank.Authorization consent = bank.authorize(REDIRECT_URI);
        exchange(CONNECTION_SERVICE, connection, "sandbox-bank", consent);
        String oldAccessToken = accessTokenOf(connection);
        String oldRefreshToken = refreshTokenOf(connection);
        expireEverywhere(consent);

        RefreshTokens.RoundResult round = refreshTokens.refreshDue();

        assertThat(round.refreshed()).isPositive();
        String newAccessToken = accessTokenOf(connection);
        String newRefreshToken = refreshTokenOf(connection);
        assertThat(newAccessToken).isNotEqualTo(oldAccessToken);
        assertThat(newRefreshToken).isNotEqualTo(oldRefreshToken);
        assertThat(accountIds(consent.consentId(), newAccessToken)).isNotEmpty();
        assertThat(accounts(consent.consentId(), oldAccessToken).statusCode()).isEqualTo(401);
        assertThat(status(connection)).isEqualTo("ACTIVE");
        assertThat(audit(connection))
                .containsExactly(
                        List.of("AUTHORIZATION_CODE_EXCHANGED", CONNECTION_SERVICE),
                        List.of("TOKENS_REFRESHED", "token-refresh"));
        TokenRefreshed event = (TokenRefreshed) single(EventTopics.TOKEN_REFRESHED, connection);
        assertThat(event.getRotated()).isTrue();
        assertThat(event.getMetadata().getOrgId()).isEqualTo(ACME);
        assertThat(event.getAccessTokenExpiresAt()).isAfter(Instant.now());
        assertThat(event.toString()).doesNotContain(newAccessToken).doesNotContain(newRefreshToken);
        assertNowhere(output, consent.code(), oldAccessToken, oldRefreshToken, newAccessToken, newRefreshToken);
        // Last, because presenting a rotated refresh token makes the bank revoke the whole grant (Security BCP).
        HttpResponse<String> oldRefresh = bank.refresh(oldRefreshToken);
        assertThat(oldRefresh.statusCode()).isEqualTo(400);
        assertThat(oldRefresh.body()).contains("invalid_grant");
    }

    @Test
    void leavesARecordAnotherInstanceIsRefreshingToThatInstance() throws Exception {
        TestSandboxBank.Authorization consent = bank.authorize(REDIRECT_URI);
        exchange(CONNECTION_SERVICE, connection, "sandbox-bank", consent);
        String refreshToken = refreshTokenOf(connection);
        expireEverywhere(consent);

        // Another instance in the middle of its refresh: it holds the row lock.
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock =
                    other.prepareStatement("SELECT id FROM token_record WHERE connection_id = ? FOR UPDATE")) {
                lock.setObject(1, connection);
                lock.executeQuery().close();
            }

            refreshTokens.refreshDue();

            assertThat(refreshTokenOf(connection)).isEqualTo(refreshToken);
            assertThat(audit(connection)).extracting(List::getFirst).doesNotContain("TOKENS_REFRESHED");
            other.rollback();
        }
        refreshTokens.refreshDue();

        assertThat(refreshTokenOf(connection)).isNotEqualTo(refreshToken);
        assertThat(audit(connection)).extracting(List::getFirst).containsOnlyOnce("TOKENS_REFRESHED");
    }

    @Test
    void refreshesOnDemandWhenSyncServiceAsksForAnExpiredAccessToken() {
        TestSandboxBank.Authorization consent = bank.authorize(REDIRECT_URI);
        exchange(CONNECTION_SERVICE, connection, "sandbox-bank", consent);
        String oldAccessToken = accessTokenOf(connection);
        expireEverywhere(consent);

        HttpResponse<String> handedOut = obtain(connection);

        assertThat(handedOut.statusCode()).as(handedOut.body()).isEqualTo(200);
        String accessToken = JSON.readTree(handedOut.body()).get("accessToken").asString();
        assertThat(accessToken).isNotEqualTo(oldAccessToken);
        assertThat(accountIds(consent.consentId(), accessToken)).isNotEmpty();
        assertThat(audit(connection))
                .containsExactly(
                        List.of("AUTHORIZATION_CODE_EXCHANGED", CONNECTION_SERVICE),
                        List.of("TOKENS_REFRESHED", SYNC_SERVICE),
                        List.of("ACCESS_TOKEN_HANDED_OUT", SYNC_SERVICE));
        assertThat(((TokenRefreshed) single(EventTopics.TOKEN_REFRESHED, connection)).getRotated())
                .isTrue();
    }

    @Test
    void expiresTheTokensWhenTheBankRevokedTheRefreshTokenAndPublishesTokenExpired() {
        TestSandboxBank.Authorization consent = bank.authorize(REDIRECT_URI);
        exchange(CONNECTION_SERVICE, connection, "sandbox-bank", consent);
        revokeTokens(consent.consentId());
        expireEverywhere(consent);

        refreshTokens.refreshDue();

        assertThat(status(connection)).isEqualTo("EXPIRED");
        TokenExpired event = (TokenExpired) single(EventTopics.TOKEN_EXPIRED, connection);
        assertThat(event.getReason()).isEqualTo(TokenExpiryReason.REFRESH_FAILED);
        assertThat(event.getProviderErrorCode()).isEqualTo("invalid_grant");
        assertThat(audit(connection))
                .containsExactly(
                        List.of("AUTHORIZATION_CODE_EXCHANGED", CONNECTION_SERVICE),
                        List.of("TOKENS_EXPIRED", "token-refresh"));
        HttpResponse<String> handedOut = obtain(connection);
        assertThat(handedOut.statusCode()).isEqualTo(409);
        assertThat(handedOut.body()).contains("\"type\":\"https://bankflow.io/problems/token-expired\"");
        // A new consent brings the connection back.
        TestSandboxBank.Authorization again = bank.authorize(REDIRECT_URI);
        assertThat(exchange(CONNECTION_SERVICE, connection, "sandbox-bank", again)
                        .statusCode())
                .isEqualTo(204);
        assertThat(status(connection)).isEqualTo("ACTIVE");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /** The access token expires at the bank and, as time would have it, in the vault's record. */
    void expireEverywhere(TestSandboxBank.Authorization consent) {
        expireAccessTokens(consent.consentId());
        jdbc.sql("UPDATE token_record SET access_token_expires_at = now() - interval '1 minute'"
                        + " WHERE connection_id = :c")
                .param("c", connection)
                .update();
    }

    HttpResponse<String> exchange(
            String client, UUID connectionId, String provider, TestSandboxBank.Authorization consent) {
        return exchange(client, connectionId, provider, consent, ACME);
    }

    HttpResponse<String> exchange(
            String client, UUID connectionId, String provider, TestSandboxBank.Authorization consent, String orgId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orgId", orgId);
        body.put("provider", provider);
        body.put("code", consent.code());
        body.put("codeVerifier", consent.codeVerifier());
        body.put("redirectUri", REDIRECT_URI);
        return send(client, "/internal/connections/" + connectionId + "/authorization-code", body);
    }

    HttpResponse<String> obtain(UUID connectionId) {
        return send(SYNC_SERVICE, "/internal/connections/" + connectionId + "/access-token", Map.of("orgId", ACME));
    }

    HttpResponse<String> send(String client, String path, Map<String, Object> body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestIssuer.accessToken(client))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the vault holds, decrypted the way the service does: to compare with what the bank accepts. */
    String accessTokenOf(UUID connectionId) {
        TokenRecord record = records.find(ACME, connectionId).orElseThrow();
        return sealer.open(record.requireSealed(), record.binding(), SealedField.ACCESS_TOKEN)
                .reveal();
    }

    String refreshTokenOf(UUID connectionId) {
        TokenRecord record = records.find(ACME, connectionId).orElseThrow();
        return sealer.open(record.requireSealed(), record.binding(), SealedField.REFRESH_TOKEN)
                .reveal();
    }

    /** The one event of a topic for a connection, read from Kafka (published by the outbox). */
    SpecificRecord single(String topic, UUID connectionId) {
        List<Object> found = new ArrayList<>();
        try (Consumer<String, Object> consumer =
                consumerFactory.createConsumer("token-vault-it-" + UUID.randomUUID(), "token-vault-it")) {
            consumer.subscribe(List.of(topic));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(500))) {
                    if (connectionId.toString().equals(record.key())) {
                        found.add(record.value());
                    }
                }
                return !found.isEmpty();
            });
            // Whatever else is already there for this key.
            consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                if (connectionId.toString().equals(record.key())) {
                    found.add(record.value());
                }
            });
        }
        assertThat(found).hasSize(1);
        return (SpecificRecord) found.getFirst();
    }

    void assertNowhere(CapturedOutput output, String... secrets) {
        String everything = jdbc.sql("""
                        SELECT string_agg(row_text, E'\\n') FROM (
                            SELECT t::text AS row_text FROM token_record t
                            UNION ALL SELECT a::text FROM token_audit a
                            UNION ALL SELECT o::text FROM event_outbox o) rows
                        """).query(String.class).single();
        for (String secret : secrets) {
            assertThat(output.getAll()).doesNotContain(secret);
            assertThat(everything).doesNotContain(secret);
        }
    }

    List<List<String>> audit(UUID connectionId) {
        return jdbc.sql("SELECT operation, actor FROM token_audit WHERE connection_id = :c ORDER BY id")
                .param("c", connectionId)
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2)))
                .list();
    }

    String status(UUID connectionId) {
        return jdbc.sql("SELECT status FROM token_record WHERE connection_id = :c")
                .param("c", connectionId)
                .query(String.class)
                .single();
    }

    long rowCount(UUID connectionId) {
        return jdbc.sql("SELECT count(*) FROM token_record WHERE connection_id = :c")
                .param("c", connectionId)
                .query(Long.class)
                .single();
    }

    // ---- the TPP's side at the bank ----------------------------------------------------------------------------

    /** {@code GET /v1/accounts} with an access token, the customer present (not counted against frequencyPerDay). */
    static HttpResponse<String> accounts(String consentId, String accessToken) {
        return bank.send(HttpRequest.newBuilder(URI.create(bank.url("/v1/accounts")))
                .header("X-Request-ID", UUID.randomUUID().toString())
                .header("Consent-ID", consentId)
                .header("Authorization", "Bearer " + accessToken)
                .header("PSU-IP-Address", "192.0.2.10")
                .GET());
    }

    /** @return the ids of the accounts a token reads, or the empty list when the bank refused */
    static List<String> accountIds(String consentId, String accessToken) {
        HttpResponse<String> response = accounts(consentId, accessToken);
        if (response.statusCode() != 200) {
            return List.of();
        }
        return JSON.readTree(response.body())
                .get("accounts")
                .valueStream()
                .map(a -> a.get("resourceId").asString())
                .toList();
    }

    /** {@code POST /sandbox/tokens/expire}: the consent's access tokens expire now; refresh still works. */
    static void expireAccessTokens(String consentId) {
        control("/sandbox/tokens/expire", consentId);
    }

    /** {@code POST /sandbox/tokens/revoke}: the consent's access and refresh tokens are revoked. */
    static void revokeTokens(String consentId) {
        control("/sandbox/tokens/revoke", consentId);
    }

    private static void control(String path, String consentId) {
        HttpResponse<String> response = bank.postJson(path, JSON.writeValueAsString(Map.of("consentId", consentId)));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
