package io.bankflow.tokenvault.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bankflow.events.EventTopics;
import io.bankflow.events.common.EventMetadata;
import io.bankflow.events.connection.ConnectionRevocationReason;
import io.bankflow.events.connection.ConnectionRevoked;
import io.bankflow.testinfra.ServiceIntegrationTest;
import io.bankflow.testinfra.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The internal API and the ConnectionRevoked consumer against real PostgreSQL, Kafka, registry and real tokens of the
 * dev issuer's service clients.
 */
@ServiceIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class InternalTokensApiIT {

    static final String CONNECTION_SERVICE = "connection-service";
    static final String SYNC_SERVICE = "sync-service";
    static final String ACME_ERP = "acme-erp";
    static final String ACME = "acme-industries";
    static final String GLOBEX = "globex-trading";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    final HttpClient http = HttpClient.newHttpClient();
    UUID connection;
    String accessToken;
    String refreshToken;

    @BeforeEach
    void newConnection() {
        connection = UUID.randomUUID();
        // Recognisable, so that a scan of the database, the logs and the responses finds it wherever it leaked.
        accessToken = "planted-secret-9f2c-access-" + UUID.randomUUID();
        refreshToken = "planted-secret-9f2c-refresh-" + UUID.randomUUID();
    }

    // ---- the happy path -----------------------------------------------------------------------------------------

    @Test
    void storesTokensForConnectionServiceAndHandsTheAccessTokenToSyncService() {
        Instant expiresAt = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);

        HttpResponse<String> stored = store(CONNECTION_SERVICE, connection, tokens(ACME, expiresAt));
        HttpResponse<String> handedOut = obtain(SYNC_SERVICE, connection, ACME);

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(204);
        assertThat(handedOut.statusCode()).as(handedOut.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(handedOut.body());
        assertThat(body.get("accessToken").asString()).isEqualTo(accessToken);
        assertThat(Instant.parse(body.get("expiresAt").asString())).isEqualTo(expiresAt);
        assertThat(body.has("refreshToken")).isFalse();
        assertThat(handedOut.headers().firstValue("Cache-Control"))
                .get()
                .asString()
                .contains("no-store");
        assertThat(audit(connection))
                .containsExactly(
                        List.of("TOKENS_STORED", CONNECTION_SERVICE), List.of("ACCESS_TOKEN_HANDED_OUT", SYNC_SERVICE));
    }

    @Test
    void replacesTheTokensOfAConnectionUnderANewDataKey() {
        Instant expiresAt = Instant.now().plus(Duration.ofHours(1));
        store(CONNECTION_SERVICE, connection, tokens(ACME, expiresAt));
        byte[] firstKey = wrappedDataKey(connection);
        String newAccessToken = "planted-secret-9f2c-renewed-" + UUID.randomUUID();

        HttpResponse<String> replaced = store(
                CONNECTION_SERVICE,
                connection,
                Map.of(
                        "orgId",
                        ACME,
                        "provider",
                        "sandbox-bank",
                        "accessToken",
                        newAccessToken,
                        "accessTokenExpiresAt",
                        expiresAt.toString()));

        assertThat(replaced.statusCode()).isEqualTo(204);
        assertThat(JSON.readTree(obtain(SYNC_SERVICE, connection, ACME).body())
                        .get("accessToken")
                        .asString())
                .isEqualTo(newAccessToken);
        assertThat(wrappedDataKey(connection)).isNotEqualTo(firstKey);
        assertThat(jdbc.sql("SELECT count(*) FROM token_record WHERE connection_id = :c")
                        .param("c", connection)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    // ---- who may do what ------------------------------------------------------------------------------------------

    @Test
    void refusesSyncServiceToStoreTokens() {
        HttpResponse<String> response =
                store(SYNC_SERVICE, connection, tokens(ACME, Instant.now().plusSeconds(3600)));

        assertForbidden(response);
        assertThat(rowCount(connection)).isZero();
    }

    @Test
    void refusesConnectionServiceAnAccessToken() {
        store(CONNECTION_SERVICE, connection, tokens(ACME, Instant.now().plusSeconds(3600)));

        assertForbidden(obtain(CONNECTION_SERVICE, connection, ACME));
        assertForbidden(delete(SYNC_SERVICE, connection, ACME));
    }

    @Test
    void refusesAnErpClientEveryInternalOperationEvenWithABrokenBody() {
        store(CONNECTION_SERVICE, connection, tokens(ACME, Instant.now().plusSeconds(3600)));

        assertForbidden(obtain(ACME_ERP, connection, ACME));
        assertForbidden(store(ACME_ERP, connection, tokens(ACME, Instant.now().plusSeconds(3600))));
        assertForbidden(delete(ACME_ERP, connection, ACME));
        // Refused before the body is read: a 400 would tell an ERP client that it had reached the operation.
        assertForbidden(send(ACME_ERP, "PUT", "/internal/connections/" + connection + "/tokens", "{}"));
        assertThat(audit(connection)).containsExactly(List.of("TOKENS_STORED", CONNECTION_SERVICE));
    }

    @Test
    void answersACallWithoutATokenWith401() {
        HttpResponse<String> response =
                sendRaw(HttpRequest.newBuilder(uri("/internal/connections/" + connection + "/access-token"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"orgId\":\"" + ACME + "\"}"))
                        .build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    // ---- tenancy ---------------------------------------------------------------------------------------------------

    @Test
    void answersAnotherOrganisationsConnectionWith404() {
        store(CONNECTION_SERVICE, connection, tokens(ACME, Instant.now().plusSeconds(3600)));

        assertNotFound(obtain(SYNC_SERVICE, connection, GLOBEX));
        assertNotFound(delete(CONNECTION_SERVICE, connection, GLOBEX));
        assertNotFound(store(
                CONNECTION_SERVICE, connection, tokens(GLOBEX, Instant.now().plusSeconds(3600))));
        assertNotFound(obtain(SYNC_SERVICE, UUID.randomUUID(), ACME));
        // Acme's tokens are untouched by all of it.
        assertThat(JSON.readTree(obtain(SYNC_SERVICE, connection, ACME).body())
                        .get("accessToken")
                        .asString())
                .isEqualTo(accessToken);
    }

    // ---- expiry ----------------------------------------------------------------------------------------------------

    @Test
    void refusesAnExpiredAccessTokenWithoutRefreshTokenWith409TokenExpired() {
        // Without a refresh token nothing can renew it (with one, the vault refreshes on demand: ProviderTokensIT).
        store(
                CONNECTION_SERVICE,
                connection,
                Map.of(
                        "orgId",
                        ACME,
                        "provider",
                        "sandbox-bank",
                        "accessToken",
                        accessToken,
                        "accessTokenExpiresAt",
                        Instant.now().minusSeconds(60).toString()));

        HttpResponse<String> response = obtain(SYNC_SERVICE, connection, ACME);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"type\":\"https://bankflow.io/problems/token-expired\"")
                .doesNotContain("planted-secret");
        assertThat(audit(connection)).containsExactly(List.of("TOKENS_STORED", CONNECTION_SERVICE));
    }

    // ---- secrecy ---------------------------------------------------------------------------------------------------

    @Test
    void neverKeepsATokenInClearInTheDatabaseOrTheLogs(CapturedOutput output) {
        store(CONNECTION_SERVICE, connection, tokens(ACME, Instant.now().plusSeconds(3600)));
        obtain(SYNC_SERVICE, connection, ACME);
        obtain(SYNC_SERVICE, connection, GLOBEX); // a 404, logged
        HttpResponse<String> invalid = store(
                CONNECTION_SERVICE,
                connection,
                Map.of("orgId", ACME, "provider", "sandbox-bank", "accessToken", accessToken)); // no expiry: 400

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).doesNotContain("planted-secret");
        for (String token : List.of(accessToken, refreshToken)) {
            byte[] utf8 = token.getBytes(StandardCharsets.UTF_8);
            // Every row of every table, as text (bytea columns appear in hex, so both forms are searched).
            String everything = jdbc.sql("""
                            SELECT string_agg(row_text, E'\\n') FROM (
                                SELECT t::text AS row_text FROM token_record t
                                UNION ALL SELECT a::text FROM token_audit a
                                UNION ALL SELECT o::text FROM event_outbox o
                                UNION ALL SELECT p::text FROM processed_event p) rows
                            """).query(String.class).single();
            assertThat(everything)
                    .doesNotContain(token)
                    .doesNotContain(HexFormat.of().formatHex(utf8));
            // The raw bytes of the ciphertext columns.
            jdbc
                    .sql("SELECT data_key_wrapped, access_token_ciphertext, refresh_token_ciphertext FROM token_record")
                    .query((rs, row) -> Stream.of(rs.getBytes(1), rs.getBytes(2), rs.getBytes(3)))
                    .list()
                    .stream()
                    .flatMap(columns -> columns.filter(Objects::nonNull)) // shredded rows of other tests
                    .forEach(bytes -> assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                            .doesNotContain(token));
            // The table's heap file on disk, dead row versions included (needs a superuser, as the test server has).
            if (superuser()) {
                jdbc.sql("CHECKPOINT").update();
                byte[] heap = jdbc.sql("SELECT pg_read_binary_file(pg_relation_filepath('token_record'))")
                        .query(byte[].class)
                        .single();
                assertThat(heap.length).isPositive();
                assertThat(new String(heap, StandardCharsets.ISO_8859_1)).doesNotContain(token);
            }
            assertThat(output.getAll()).doesNotContain(token);
        }
    }

    // ---- shredding -------------------------------------------------------------------------------------------------

    @Test
    void shredsOnRequestSoThatNothingCanBeDecryptedAgain() {
        store(CONNECTION_SERVICE, connection, tokens(ACME, Instant.now().plusSeconds(3600)));

        HttpResponse<String> deleted = delete(CONNECTION_SERVICE, connection, ACME);
        HttpResponse<String> afterwards = obtain(SYNC_SERVICE, connection, ACME);

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(afterwards.statusCode()).isEqualTo(410);
        assertThat(afterwards.body()).contains("\"type\":\"https://bankflow.io/problems/tokens-shredded\"");
        assertShredded(connection);
        assertThat(delete(CONNECTION_SERVICE, connection, ACME).statusCode()).isEqualTo(204); // idempotent
        assertThat(audit(connection))
                .containsExactly(
                        List.of("TOKENS_STORED", CONNECTION_SERVICE), List.of("TOKENS_SHREDDED", CONNECTION_SERVICE));
        assertThat(revokedEvents(connection)).isEqualTo(1);
    }

    @Test
    void shredsTheTokensOfARevokedConnectionOnceHoweverOftenTheEventArrives() throws Exception {
        store(CONNECTION_SERVICE, connection, tokens(ACME, Instant.now().plusSeconds(3600)));
        ConnectionRevoked event = connectionRevoked(ACME, connection);

        kafka.send(EventTopics.CONNECTION_REVOKED, connection.toString(), event).get();
        kafka.send(EventTopics.CONNECTION_REVOKED, connection.toString(), event).get(); // redelivered

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertShredded(connection));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :id")
                                .param("id", event.getMetadata().getEventId())
                                .query(Long.class)
                                .single())
                        .isEqualTo(1));
        assertThat(obtain(SYNC_SERVICE, connection, ACME).statusCode()).isEqualTo(410);
        assertThat(audit(connection))
                .containsExactly(
                        List.of("TOKENS_STORED", CONNECTION_SERVICE),
                        List.of(
                                "TOKENS_SHREDDED",
                                "ConnectionRevoked " + event.getMetadata().getEventId() + " by acme-erp"));
        assertThat(revokedEvents(connection)).isEqualTo(1);
    }

    @Test
    void ignoresARevokedConnectionOfAnotherOrganisation() throws Exception {
        store(CONNECTION_SERVICE, connection, tokens(ACME, Instant.now().plusSeconds(3600)));
        ConnectionRevoked foreign = connectionRevoked(GLOBEX, connection);

        kafka.send(EventTopics.CONNECTION_REVOKED, connection.toString(), foreign)
                .get();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :id")
                                .param("id", foreign.getMetadata().getEventId())
                                .query(Long.class)
                                .single())
                        .isEqualTo(1));
        assertThat(obtain(SYNC_SERVICE, connection, ACME).statusCode()).isEqualTo(200);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    Map<String, Object> tokens(String orgId, Instant accessTokenExpiresAt) {
        return Map.of(
                "orgId",
                orgId,
                "provider",
                "sandbox-bank",
                "accessToken",
                accessToken,
                "refreshToken",
                refreshToken,
                "accessTokenExpiresAt",
                accessTokenExpiresAt.toString(),
                "refreshTokenExpiresAt",
                accessTokenExpiresAt.plus(Duration.ofDays(90)).toString(),
                "scope",
                "accounts balances transactions");
    }

    HttpResponse<String> store(String client, UUID connectionId, Map<String, Object> body) {
        return send(client, "PUT", "/internal/connections/" + connectionId + "/tokens", JSON.writeValueAsString(body));
    }

    HttpResponse<String> obtain(String client, UUID connectionId, String orgId) {
        return send(
                client,
                "POST",
                "/internal/connections/" + connectionId + "/access-token",
                JSON.writeValueAsString(Map.of("orgId", orgId)));
    }

    HttpResponse<String> delete(String client, UUID connectionId, String orgId) {
        return send(client, "DELETE", "/internal/connections/" + connectionId + "/tokens?orgId=" + orgId, null);
    }

    HttpResponse<String> send(String client, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + TestIssuer.accessToken(client))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return sendRaw(request.build());
    }

    HttpResponse<String> sendRaw(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static void assertForbidden(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"https://bankflow.io/problems/forbidden\"");
    }

    static void assertNotFound(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    void assertShredded(UUID connectionId) {
        Map<String, Object> row = jdbc.sql("""
                        SELECT status, data_key_wrapped, access_token_ciphertext, refresh_token_ciphertext, kek_id,
                               shredded_at
                        FROM token_record WHERE connection_id = :c
                        """).param("c", connectionId).query().singleRow();
        assertThat(row).containsEntry("status", "REVOKED");
        assertThat(row.get("data_key_wrapped")).isNull();
        assertThat(row.get("access_token_ciphertext")).isNull();
        assertThat(row.get("refresh_token_ciphertext")).isNull();
        assertThat(row.get("kek_id")).isNull();
        assertThat(row.get("shredded_at")).isNotNull();
    }

    List<List<String>> audit(UUID connectionId) {
        return jdbc.sql("SELECT operation, actor FROM token_audit WHERE connection_id = :c ORDER BY id")
                .param("c", connectionId)
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2)))
                .list();
    }

    long rowCount(UUID connectionId) {
        return jdbc.sql("SELECT count(*) FROM token_record WHERE connection_id = :c")
                .param("c", connectionId)
                .query(Long.class)
                .single();
    }

    byte[] wrappedDataKey(UUID connectionId) {
        return jdbc.sql("SELECT data_key_wrapped FROM token_record WHERE connection_id = :c")
                .param("c", connectionId)
                .query(byte[].class)
                .single();
    }

    long revokedEvents(UUID connectionId) {
        return jdbc.sql("SELECT count(*) FROM event_outbox WHERE topic = :t AND message_key = :k")
                .param("t", EventTopics.TOKEN_REVOKED)
                .param("k", connectionId.toString())
                .query(Long.class)
                .single();
    }

    boolean superuser() {
        return jdbc.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
                .query(Boolean.class)
                .single();
    }

    static ConnectionRevoked connectionRevoked(String orgId, UUID connectionId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return ConnectionRevoked.newBuilder()
                .setMetadata(EventMetadata.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(now)
                        .setOrgId(orgId)
                        .setCorrelationId("it-revoke-" + connectionId)
                        .setCausationId(null)
                        .build())
                .setConnectionId(connectionId.toString())
                .setAccountId(UUID.randomUUID().toString())
                .setProvider("sandbox-bank")
                .setReason(ConnectionRevocationReason.USER_REQUEST)
                .setRevokedAt(now)
                .setRevokedBy("acme-erp")
                .build();
    }
}
