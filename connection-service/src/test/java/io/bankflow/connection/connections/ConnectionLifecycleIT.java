package io.bankflow.connection.connections;

import static io.bankflow.connection.testing.Api.ACME_ERP;
import static io.bankflow.connection.testing.Api.ACME_READONLY;
import static io.bankflow.connection.testing.Api.GLOBEX_ERP;
import static io.bankflow.connection.testing.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bankflow.avroserde.ConfluentAvroDeserializer;
import io.bankflow.connection.connections.application.CheckConsentExpiry;
import io.bankflow.connection.testing.Api;
import io.bankflow.connection.testing.MutableClock;
import io.bankflow.connection.testing.TokenVaultService;
import io.bankflow.events.EventTopics;
import io.bankflow.events.common.EventMetadata;
import io.bankflow.events.connection.ConnectionActivated;
import io.bankflow.events.connection.ConnectionExpired;
import io.bankflow.events.connection.ConnectionExpiryReason;
import io.bankflow.events.connection.ConnectionRevocationReason;
import io.bankflow.events.connection.ConnectionRevoked;
import io.bankflow.events.connection.ConsentExpiring;
import io.bankflow.events.sync.SyncJobCompleted;
import io.bankflow.events.sync.SyncJobFailed;
import io.bankflow.events.token.TokenExpired;
import io.bankflow.events.token.TokenExpiryReason;
import io.bankflow.events.token.TokenRevoked;
import io.bankflow.testinfra.ServiceIntegrationTest;
import io.bankflow.testinfra.TestDatabase;
import io.bankflow.testinfra.TestPostgres;
import io.bankflow.testinfra.TestSandboxBank;
import io.bankflow.testinfra.TopicRecords;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The connection lifecycle against real servers: PostgreSQL, Kafka, the registry, the issuer, the real sandbox bank
 * (which grants consents of at most 90 days here, so the validity read back differs from the 180 days asked) and the
 * real token-vault-service (code exchange, and shredding on ConnectionRevoked). The service's clock is a
 * {@link MutableClock}: the expiry job is run by the test at chosen moments.
 */
@ServiceIntegrationTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "bankflow.connections.expiry.enabled=false")
class ConnectionLifecycleIT {

    static final String ACCOUNTS = "/api/banking/accounts";
    static final String CONNECTIONS = "/api/banking/connections";
    static final String CALLBACK = "http://127.0.0.1:18600/oauth/callback";
    static final int BANK_MAX_CONSENT_DAYS = 90;
    static final Duration AWAIT = Duration.ofSeconds(30);

    static TestSandboxBank bank;
    static TokenVaultService vault;
    static TestDatabase vaultDatabase;
    static final int TOKEN_VAULT_PORT = TestSandboxBank.freePort();

    @TestConfiguration
    static class TestClock {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @Autowired
    MutableClock clock;

    @Autowired
    CheckConsentExpiry checkConsentExpiry;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    Api api;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        bank = TestSandboxBank.builder()
                .environment("SANDBOXBANK_AIS_MAXCONSENTDAYS", Integer.toString(BANK_MAX_CONSENT_DAYS))
                .start();
        registry.add("bankflow.connections.sandbox-bank.url", () -> bank.url().toString());
        registry.add("bankflow.connections.callback-url", () -> CALLBACK);
        registry.add("bankflow.connections.secrets-dir", () -> "target/connection-service-secrets");
        registry.add("bankflow.connections.token-vault.url", () -> "http://127.0.0.1:" + TOKEN_VAULT_PORT);
        registry.add(
                "bankflow.connections.token-vault.secrets-dir",
                () -> Path.of(System.getProperty("bankflow.root", ".."), ".bankflow/test-issuer/secrets")
                        .toString());
    }

    @AfterAll
    static void stopServers() {
        if (vault != null) {
            vault.close();
        }
        if (vaultDatabase != null) {
            vaultDatabase.close();
        }
        if (bank != null) {
            bank.close();
        }
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        clock.reset();
        startVault();
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    /** The real token-vault-service, once for the class, with its own database and our broker, registry and issuer. */
    void startVault() {
        if (vault != null) {
            return;
        }
        assertThat(TokenVaultService.available())
                .as("token-vault-service jar (build it: ./bankflow mvn -pl token-vault-service package -DskipTests)")
                .isTrue();
        vaultDatabase = TestPostgres.createDatabase("token_vault_for_lifecycle_it");
        Map<String, String> env = new HashMap<>();
        env.put("BANKFLOW_DB_URL", vaultDatabase.jdbcUrl());
        env.put("BANKFLOW_DB_USER", vaultDatabase.user());
        env.put("BANKFLOW_DB_PASSWORD", vaultDatabase.password());
        env.put("BANKFLOW_KAFKA_BOOTSTRAP", environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
        env.put(
                "BANKFLOW_REGISTRY_URL",
                environment.getRequiredProperty("spring.kafka.properties.schema.registry.url"));
        env.put(
                "BANKFLOW_ISSUER_URI",
                environment.getRequiredProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"));
        env.put("BANKFLOW_SANDBOX_BANK_URL", bank.url().toString());
        env.put("BANKFLOW_TOKEN_VAULT_REFRESH_ENABLED", "false");
        vault = TokenVaultService.start(TOKEN_VAULT_PORT, bank.secretsDir(), env);
    }

    @Test
    void recordsTheValidityTheBankGrantedThenWarnsFourteenAndSevenDaysAheadOnceEachAndExpiresAtTheEnd() {
        Active active = activeConnection("Driftskonto", "NOK");
        LocalDate bankValidUntil = LocalDate.parse(
                consentAtBank(active.consentId()).get("validUntil").asString());
        Instant end = bankValidUntil.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

        // The bank shortened the 180 days asked to its 90; the connection and ConnectionActivated say what it granted.
        assertThat(bankValidUntil).isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(BANK_MAX_CONSENT_DAYS));
        JsonNode connection = connection(active.id());
        assertThat(connection.get("consentValidUntil").asString()).isEqualTo(bankValidUntil.toString());
        assertThat(Instant.parse(connection.get("consentExpiresAt").asString())).isEqualTo(end);
        ConnectionActivated activated =
                single(EventTopics.CONNECTION_ACTIVATED, active.id(), ConnectionActivated.class);
        assertThat(activated.getConsentValidUntil()).isEqualTo(end);
        assertThat(activated.getReactivation()).isFalse();

        clock.set(end.minus(Duration.ofDays(14)).minusSeconds(60));
        checkConsentExpiry.run();
        assertThat(events(EventTopics.CONSENT_EXPIRING, active.id())).isEmpty();
        assertThat(status(active.id())).isEqualTo("ACTIVE");

        clock.set(end.minus(Duration.ofDays(14)));
        checkConsentExpiry.run();
        checkConsentExpiry.run(); // a second run (or another instance's) repeats nothing
        assertThat(status(active.id())).isEqualTo("EXPIRING");
        List<ConsentExpiring> warnings = events(EventTopics.CONSENT_EXPIRING, active.id(), ConsentExpiring.class);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.getFirst().getConsentValidUntil()).isEqualTo(end);
        assertThat(warnings.getFirst().getAccountId()).isEqualTo(active.accountId());
        JsonNode expiring = connection(active.id());
        assertThat(expiring.get("reauthentication").get("required").asBoolean()).isFalse();
        assertThat(expiring.get("reauthentication").get("url").asString())
                .isEqualTo(CONNECTIONS + "/" + active.id() + "/reauthorize");

        clock.set(end.minus(Duration.ofDays(10)));
        checkConsentExpiry.run();
        assertThat(events(EventTopics.CONSENT_EXPIRING, active.id())).hasSize(1);

        clock.set(end.minus(Duration.ofDays(7)).plusSeconds(5));
        checkConsentExpiry.run();
        checkConsentExpiry.run();
        assertThat(events(EventTopics.CONSENT_EXPIRING, active.id())).hasSize(2);
        // Persisted: what a restarted service reads to know both were published.
        assertThat(jdbc.sql("SELECT days_ahead FROM consent_expiry_warning WHERE connection_id = :id ORDER BY 1")
                        .param("id", UUID.fromString(active.id()))
                        .query(Integer.class)
                        .list())
                .containsExactly(7, 14);
        assertThat(status(active.id())).isEqualTo("EXPIRING");

        clock.set(end);
        checkConsentExpiry.run();
        checkConsentExpiry.run();

        JsonNode expired = connection(active.id());
        assertThat(expired.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(expired.get("reauthentication").get("required").asBoolean()).isTrue();
        assertThat(expired.get("reauthentication").get("message").asString())
                .contains("POST " + CONNECTIONS + "/" + active.id() + "/reauthorize");
        List<ConnectionExpired> expiredEvents =
                events(EventTopics.CONNECTION_EXPIRED, active.id(), ConnectionExpired.class);
        assertThat(expiredEvents).hasSize(1);
        assertThat(expiredEvents.getFirst().getReason()).isEqualTo(ConnectionExpiryReason.CONSENT_EXPIRED);
        assertThat(expiredEvents.getFirst().getConsentValidUntil()).isEqualTo(end);
        assertThat(expiredEvents.getFirst().getMetadata().getCausationId()).isNull();
        assertThat(historyOf(active.id()))
                .extracting(change ->
                        change.get("to").asString() + ":" + change.get("reason").asString())
                .containsExactly(
                        "PENDING_CONSENT:created",
                        "ACTIVE:authorized",
                        "EXPIRING:consent-expiring",
                        "EXPIRED:consent-expired");
    }

    @Test
    void tokenExpiredFromTheVaultExpiresTheConnectionOnceAndNamesItsCause() throws Exception {
        Active active = activeConnection("Valutakonto EUR", "EUR");
        TokenExpired tokenExpired = tokenExpired(active.id());

        kafka.send(EventTopics.TOKEN_EXPIRED, active.id(), tokenExpired).get();
        kafka.send(EventTopics.TOKEN_EXPIRED, active.id(), tokenExpired).get(); // redelivered

        await().atMost(AWAIT).until(() -> status(active.id()).equals("EXPIRED"));
        // A later TokenExpired of the same connection changes nothing; once it is processed, so is the redelivery.
        TokenExpired later = tokenExpired(active.id());
        kafka.send(EventTopics.TOKEN_EXPIRED, active.id(), later).get();
        await().atMost(AWAIT).until(() -> processed("connection-token-expired", later.getMetadata()));
        List<ConnectionExpired> expired = events(EventTopics.CONNECTION_EXPIRED, active.id(), ConnectionExpired.class);
        assertThat(expired).hasSize(1);
        assertThat(expired.getFirst().getReason()).isEqualTo(ConnectionExpiryReason.TOKEN_REFRESH_FAILED);
        assertThat(expired.getFirst().getMetadata().getCausationId())
                .isEqualTo(tokenExpired.getMetadata().getEventId().toString());
        assertThat(expired.getFirst().getMetadata().getCorrelationId())
                .isEqualTo(tokenExpired.getMetadata().getCorrelationId());
        assertThat(connection(active.id()).get("statusReason").asString()).contains("refresh");
    }

    @Test
    void reauthorizesAnExpiredConnectionWithANewConsentKeepingTheConnectionItsHistoryAndItsAccount() throws Exception {
        Active active = activeConnection("Geschäftskonto", "EUR");
        String reauthorize = CONNECTIONS + "/" + active.id() + "/reauthorize";

        HttpResponse<String> whileActive = api.postJson(ACME_ERP, reauthorize, "");
        assertThat(whileActive.statusCode()).as(whileActive.body()).isEqualTo(409);
        assertThat(whileActive.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(whileActive).get("type").asString())
                .isEqualTo("https://bankflow.io/problems/illegal-state-transition");
        assertThat(json(whileActive).get("currentStatus").asString()).isEqualTo("ACTIVE");
        assertThat(json(whileActive).get("detail").asString())
                .contains("is ACTIVE")
                .contains("re-authorised");

        TokenExpired tokenExpired = tokenExpired(active.id());
        kafka.send(EventTopics.TOKEN_EXPIRED, active.id(), tokenExpired).get();
        await().atMost(AWAIT).until(() -> status(active.id()).equals("EXPIRED"));

        assertThat(api.postJson(ACME_READONLY, reauthorize, "").statusCode()).isEqualTo(403);
        assertThat(api.postJson(GLOBEX_ERP, reauthorize, "").statusCode()).isEqualTo(404);
        assertThat(api.postJson(ACME_ERP, CONNECTIONS + "/" + UUID.randomUUID() + "/reauthorize", "")
                        .statusCode())
                .isEqualTo(404);

        // The user refuses at the bank: the connection stays EXPIRED (it does not FAIL) and may be re-authorised again.
        HttpResponse<String> refusedStart = api.postJson(ACME_ERP, reauthorize, "");
        assertThat(refusedStart.statusCode()).as(refusedStart.body()).isEqualTo(200);
        bank.postJson("/sandbox/authorisations/refuse-next", "{}");
        HttpResponse<String> refused = followToCallback(
                URI.create(json(refusedStart).get("authorizationUrl").asString()));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
        assertThat(json(refused).get("status").asString()).isEqualTo("EXPIRED");
        assertThat(json(refused).get("failureReason").asString()).contains("access_denied");
        assertThat(json(refused).get("message").asString()).contains("re-authorization was not completed");
        assertThat(status(active.id())).isEqualTo("EXPIRED");

        HttpResponse<String> started = api.postJson(ACME_ERP, reauthorize, "");

        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        JsonNode pending = json(started);
        assertThat(pending.get("id").asString()).isEqualTo(active.id());
        assertThat(pending.get("status").asString()).isEqualTo("EXPIRED");
        URI authorizationUrl = URI.create(pending.get("authorizationUrl").asString());
        String newConsent = query(authorizationUrl).get("scope").substring("AIS:".length());
        assertThat(newConsent).isNotEqualTo(active.consentId());
        assertThat(consentAtBank(newConsent).get("consentStatus").asString()).isEqualTo("received");
        assertThat(pending.get("consentId").asString()).isEqualTo(active.consentId());

        HttpResponse<String> callback = followToCallback(authorizationUrl);

        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
        assertThat(json(callback).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(json(callback).get("message").asString()).contains("connected again");
        JsonNode reactivated = connection(active.id());
        assertThat(reactivated.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(reactivated.get("consentId").asString()).isEqualTo(newConsent);
        // The replaced consent is ended at the bank; the new one is valid.
        assertThat(consentAtBank(active.consentId()).get("consentStatus").asString())
                .isEqualTo("terminatedByTpp");
        assertThat(consentAtBank(newConsent).get("consentStatus").asString()).isEqualTo("valid");
        assertThat(reactivated.get("reauthentication").isNull()).isTrue();
        assertThat(reactivated.get("bankAccountId").asString()).isEqualTo(active.accountId());
        assertThat(json(api.get(ACME_ERP, ACCOUNTS + "/" + active.accountId()))
                        .get("connectionId")
                        .asString())
                .isEqualTo(active.id());
        List<ConnectionActivated> activations =
                events(EventTopics.CONNECTION_ACTIVATED, active.id(), ConnectionActivated.class);
        assertThat(activations).extracting(ConnectionActivated::getReactivation).containsExactly(false, true);
        assertThat(events(EventTopics.SYNC_REQUESTED, active.id())).hasSize(2);
        assertThat(historyOf(active.id()))
                .extracting(change ->
                        change.get("to").asString() + ":" + change.get("reason").asString())
                .containsExactly(
                        "PENDING_CONSENT:created",
                        "ACTIVE:authorized",
                        "EXPIRED:token-refresh-failed",
                        "ACTIVE:reauthorized");
        // The re-authorization's state is single-use like any other.
        assertThat(bank.get("http://127.0.0.1:" + port + "/oauth/callback?code=x&state="
                                + query(authorizationUrl).get("state"))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void disconnectRevokesAtTheBankPublishesConnectionRevokedOnceAndTheVaultShredsTheTokens() {
        Active active = activeConnection("Valutakonto GBP", "GBP");
        String path = CONNECTIONS + "/" + active.id();

        assertThat(api.delete(ACME_READONLY, path).statusCode()).isEqualTo(403);
        assertThat(api.delete(GLOBEX_ERP, path).statusCode()).isEqualTo(404);
        assertThat(api.delete(ACME_ERP, CONNECTIONS + "/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
        assertThat(status(active.id())).isEqualTo("ACTIVE");

        try (TopicRecords records = new TopicRecords(deserializer(), EventTopics.TOKEN_REVOKED)) {
            HttpResponse<String> disconnected = api.delete(ACME_ERP, path);
            HttpResponse<String> again = api.delete(ACME_ERP, path);

            assertThat(disconnected.statusCode()).as(disconnected.body()).isEqualTo(200);
            assertThat(json(disconnected).get("status").asString()).isEqualTo("REVOKED");
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(json(again).get("status").asString()).isEqualTo("REVOKED");
            assertThat(json(again).get("statusChangedAt"))
                    .isEqualTo(json(disconnected).get("statusChangedAt"));
            assertThat(consentAtBank(active.consentId()).get("consentStatus").asString())
                    .isEqualTo("terminatedByTpp");
            List<ConnectionRevoked> revoked =
                    events(EventTopics.CONNECTION_REVOKED, active.id(), ConnectionRevoked.class);
            assertThat(revoked).hasSize(1);
            assertThat(revoked.getFirst().getReason()).isEqualTo(ConnectionRevocationReason.USER_REQUEST);
            assertThat(revoked.getFirst().getRevokedBy()).isEqualTo(ACME_ERP);
            assertThat(revoked.getFirst().getAccountId()).isEqualTo(active.accountId());

            // token-vault-service consumed ConnectionRevoked and destroyed the tokens.
            TokenRevoked tokenRevoked = records.decode(
                    records.await(EventTopics.TOKEN_REVOKED, active.id(), 1, Duration.ofSeconds(60))
                            .getFirst(),
                    TokenRevoked.class);
            // The same flow: token-vault-service carries the correlation id of the ConnectionRevoked it consumed.
            assertThat(tokenRevoked.getMetadata().getCorrelationId())
                    .isEqualTo(revoked.getFirst().getMetadata().getCorrelationId());
        }
        assertThat(api.get(GLOBEX_ERP, path + "/history").statusCode()).isEqualTo(404);
        assertThat(api.get(ACME_ERP, CONNECTIONS + "/" + UUID.randomUUID() + "/history")
                        .statusCode())
                .isEqualTo(404);
        assertThat(historyOf(active.id()).getLast().get("reason").asString()).isEqualTo("disconnected");
        assertThat(historyOf(active.id()).getLast().get("actor").asString()).isEqualTo(ACME_ERP);
        assertThat(connection(active.id()).get("status").asString()).isEqualTo("REVOKED");
        HttpResponse<String> reauthorize = api.postJson(ACME_ERP, path + "/reauthorize", "");
        assertThat(reauthorize.statusCode()).isEqualTo(409);
        assertThat(json(reauthorize).get("detail").asString()).contains("create a new connection");
    }

    @Test
    void disconnectingDuringAReauthorizationEndsBothConsentsAndTheReauthorizationUrl() throws Exception {
        Active active = activeConnection("Valutakonto EUR", "EUR");
        kafka.send(EventTopics.TOKEN_EXPIRED, active.id(), tokenExpired(active.id()))
                .get();
        await().atMost(AWAIT).until(() -> status(active.id()).equals("EXPIRED"));
        HttpResponse<String> started = api.postJson(ACME_ERP, CONNECTIONS + "/" + active.id() + "/reauthorize", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        URI authorizationUrl = URI.create(json(started).get("authorizationUrl").asString());
        String newConsent = query(authorizationUrl).get("scope").substring("AIS:".length());

        HttpResponse<String> disconnected = api.delete(ACME_ERP, CONNECTIONS + "/" + active.id());

        assertThat(disconnected.statusCode()).as(disconnected.body()).isEqualTo(200);
        assertThat(json(disconnected).get("status").asString()).isEqualTo("REVOKED");
        assertThat(consentAtBank(active.consentId()).get("consentStatus").asString())
                .isEqualTo("terminatedByTpp");
        assertThat(consentAtBank(newConsent).get("consentStatus").asString()).isEqualTo("terminatedByTpp");
        HttpResponse<String> callback = bank.get("http://127.0.0.1:" + port + "/oauth/callback?code=x&state="
                + query(authorizationUrl).get("state"));
        assertThat(callback.statusCode()).isEqualTo(400);
        assertThat(historyOf(active.id()))
                .extracting(change -> change.get("to").asString())
                .containsExactly("PENDING_CONSENT", "ACTIVE", "EXPIRED", "REVOKED");
    }

    @Test
    void disconnectingAConnectionStillWaitingForConsentEndsTheConsentAndItsAuthorizationUrl() {
        String accountId = registerAccount("Driftskonto", "NOK");
        HttpResponse<String> created = api.postJson(ACME_ERP, CONNECTIONS, connectionBody(accountId));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").asString();
        String consentId = json(created).get("consentId").asString();
        URI authorizationUrl = URI.create(json(created).get("authorizationUrl").asString());

        HttpResponse<String> disconnected = api.delete(ACME_ERP, CONNECTIONS + "/" + id);

        assertThat(disconnected.statusCode()).as(disconnected.body()).isEqualTo(200);
        assertThat(json(disconnected).get("status").asString()).isEqualTo("REVOKED");
        assertThat(consentAtBank(consentId).get("consentStatus").asString()).isEqualTo("terminatedByTpp");
        HttpResponse<String> callback = bank.get("http://127.0.0.1:" + port + "/oauth/callback?code=x&state="
                + query(authorizationUrl).get("state"));
        assertThat(callback.statusCode()).isEqualTo(400);
        assertThat(historyOf(id))
                .extracting(change ->
                        change.get("from").isNull() ? "-" : change.get("from").asString())
                .containsExactly("-", "PENDING_CONSENT");
    }

    @Test
    void aSyncFailingForGoodPutsTheConnectionInErrorAndACompletedSyncBringsItBack() throws Exception {
        Active active = activeConnection("Driftskonto", "NOK");

        SyncJobFailed retryable = syncJobFailed(active.id(), "PROVIDER_UNAVAILABLE", true);
        kafka.send(EventTopics.SYNC_JOB_FAILED, active.id(), retryable).get();
        await().atMost(AWAIT).until(() -> processed("connection-sync-job-failed", retryable.getMetadata()));
        assertThat(status(active.id())).isEqualTo("ACTIVE");

        kafka.send(
                        EventTopics.SYNC_JOB_FAILED,
                        active.id(),
                        syncJobFailed(active.id(), "ACCOUNT_NOT_IN_CONSENT", false))
                .get();
        await().atMost(AWAIT).until(() -> status(active.id()).equals("ERROR"));
        JsonNode error = connection(active.id());
        assertThat(error.get("statusReason").asString()).contains("ACCOUNT_NOT_IN_CONSENT");
        assertThat(error.get("reauthentication").get("required").asBoolean()).isTrue();

        kafka.send(EventTopics.SYNC_JOB_COMPLETED, active.id(), syncJobCompleted(active.id()))
                .get();
        await().atMost(AWAIT).until(() -> status(active.id()).equals("ACTIVE"));
        assertThat(historyOf(active.id()))
                .extracting(change -> change.get("reason").asString())
                .endsWith("sync-failed", "sync-recovered");
        assertThat(events(EventTopics.CONNECTION_EXPIRED, active.id())).isEmpty();
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    record Active(String id, String accountId, String consentId) {}

    /** A connection of acme-industries for a seeded account of the bank, authorised by the user and ACTIVE. */
    Active activeConnection(String accountName, String currency) {
        String accountId = registerAccount(accountName, currency);
        HttpResponse<String> created = api.postJson(ACME_ERP, CONNECTIONS, connectionBody(accountId));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").asString();
        HttpResponse<String> callback = followToCallback(
                URI.create(json(created).get("authorizationUrl").asString()));
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
        assertThat(json(callback).get("status").asString()).isEqualTo("ACTIVE");
        return new Active(id, accountId, json(created).get("consentId").asString());
    }

    String registerAccount(String accountName, String currency) {
        HttpResponse<String> created = api.postJson(
                ACME_ERP,
                ACCOUNTS,
                "{\"glCode\": \"1920\", \"currency\": \"%s\", \"iban\": \"%s\"}"
                        .formatted(currency, ibanOf(accountName)));
        if (created.statusCode() == 409) {
            return json(created).get("existingId").asString();
        }
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asString();
    }

    static String connectionBody(String accountId) {
        return """
                {"provider": "sandbox-bank", "bankAccountId": "%s", "environment": "sandbox"}
                """.formatted(accountId);
    }

    HttpResponse<String> followToCallback(URI authorizationUrl) {
        HttpResponse<String> authorized = bank.get(authorizationUrl.toString());
        assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(302);
        URI redirect = URI.create(authorized.headers().firstValue("Location").orElseThrow());
        return bank.get("http://127.0.0.1:" + port + "/oauth/callback?" + redirect.getRawQuery());
    }

    JsonNode connection(String id) {
        HttpResponse<String> read = api.get(ACME_READONLY, CONNECTIONS + "/" + id);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return json(read);
    }

    String status(String id) {
        return connection(id).get("status").asString();
    }

    List<JsonNode> historyOf(String id) {
        HttpResponse<String> read = api.get(ACME_READONLY, CONNECTIONS + "/" + id + "/history");
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return json(read).get("items").valueStream().toList();
    }

    boolean processed(String consumer, EventMetadata event) {
        return jdbc.sql("SELECT count(*) FROM processed_event WHERE consumer = :consumer AND event_id = :id")
                        .param("consumer", consumer)
                        .param("id", event.getEventId())
                        .query(Long.class)
                        .single()
                > 0;
    }

    EventMetadata metadata() {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setOrgId("acme-industries")
                .setCorrelationId(UUID.randomUUID().toString())
                .setCausationId(null)
                .build();
    }

    TokenExpired tokenExpired(String connectionId) {
        return TokenExpired.newBuilder()
                .setMetadata(metadata())
                .setConnectionId(connectionId)
                .setReason(TokenExpiryReason.REFRESH_FAILED)
                .setExpiredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setProviderErrorCode("invalid_grant")
                .build();
    }

    SyncJobFailed syncJobFailed(String connectionId, String code, boolean retryable) {
        return SyncJobFailed.newBuilder()
                .setMetadata(metadata())
                .setJobId(UUID.randomUUID().toString())
                .setConnectionId(connectionId)
                .setErrorCode(code)
                .setErrorMessage("The consent does not list the connection's account; reconnect to grant access to it.")
                .setRetryable(retryable)
                .setFailedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }

    SyncJobCompleted syncJobCompleted(String connectionId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return SyncJobCompleted.newBuilder()
                .setMetadata(metadata())
                .setJobId(UUID.randomUUID().toString())
                .setConnectionId(connectionId)
                .setFetchedCount(3)
                .setNewCount(3)
                .setDuplicateCount(0)
                .setErrorCount(0)
                .setStartedAt(now)
                .setCompletedAt(now)
                .build();
    }

    /** The events of a topic written to the outbox under a key, oldest first, read the way consumers read them. */
    <T> List<T> events(String topic, String key, Class<T> type) {
        List<byte[]> payloads = jdbc.sql(
                        "SELECT payload FROM event_outbox WHERE topic = :topic AND message_key = :key ORDER BY id")
                .param("topic", topic)
                .param("key", key)
                .query(byte[].class)
                .list();
        try (ConfluentAvroDeserializer deserializer = deserializer()) {
            return payloads.stream()
                    .map(payload -> type.cast(deserializer.deserialize(topic, payload)))
                    .toList();
        }
    }

    List<SpecificRecord> events(String topic, String key) {
        return events(topic, key, SpecificRecord.class);
    }

    <T> T single(String topic, String key, Class<T> type) {
        List<T> found = events(topic, key, type);
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    ConfluentAvroDeserializer deserializer() {
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer();
        deserializer.configure(
                Map.of(
                        "schema.registry.url",
                        environment.getRequiredProperty("spring.kafka.properties.schema.registry.url")),
                false);
        return deserializer;
    }

    static JsonNode consentAtBank(String consentId) {
        HttpResponse<String> response =
                bank.send(HttpRequest.newBuilder(bank.url().resolve("/v1/consents/" + consentId))
                        .header("X-Request-ID", UUID.randomUUID().toString())
                        .GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    static String ibanOf(String accountName) {
        for (JsonNode account : json(bank.get("/sandbox")).get("accounts")) {
            if (account.get("name").asString().equals(accountName)) {
                return account.get("iban").asString();
            }
        }
        throw new IllegalArgumentException("The sandbox bank has no account " + accountName);
    }

    static Map<String, String> query(URI uri) {
        return Stream.of(uri.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "",
                        (a, b) -> a));
    }
}
