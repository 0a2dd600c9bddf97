package io.bankflow.connection.connections;

import static io.bankflow.connection.testing.Api.ACME_ERP;
import static io.bankflow.connection.testing.Api.ACME_READONLY;
import static io.bankflow.connection.testing.Api.GLOBEX_ERP;
import static io.bankflow.connection.testing.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.avroserde.ConfluentAvroDeserializer;
import io.bankflow.connection.accounts.domain.Iban;
import io.bankflow.connection.testing.Api;
import io.bankflow.connection.testing.TokenVaultService;
import io.bankflow.events.EventTopics;
import io.bankflow.events.sync.SyncReason;
import io.bankflow.events.sync.SyncRequested;
import io.bankflow.testinfra.ServiceIntegrationTest;
import io.bankflow.testinfra.TestDatabase;
import io.bankflow.testinfra.TestPostgres;
import io.bankflow.testinfra.TestSandboxBank;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Creating connections against the real sandbox bank (a child process): the consent is created at the bank and the
 * authorization URL we answer is one the bank accepts, redirecting to our callback with a code and our state.
 */
@ServiceIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ConnectionsIT {

    static final String ACCOUNTS = "/api/banking/accounts";
    static final String CONNECTIONS = "/api/banking/connections";
    static final String CALLBACK = "http://127.0.0.1:18600/oauth/callback";

    static TestSandboxBank bank;

    /** Where token-vault-service listens while a test runs it; nothing listens there otherwise. */
    static final int TOKEN_VAULT_PORT = TestSandboxBank.freePort();

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @DynamicPropertySource
    static void sandboxBank(DynamicPropertyRegistry registry) {
        bank = TestSandboxBank.start();
        registry.add("bankflow.connections.sandbox-bank.url", () -> bank.url().toString());
        registry.add("bankflow.connections.callback-url", () -> CALLBACK);
        registry.add("bankflow.connections.secrets-dir", () -> "target/connection-service-secrets");
        // token-vault-service is down (not started): the callback goes as far as the internal call. The service token
        // for it comes from the real test issuer, with the secret it generated for client connection-service.
        registry.add("bankflow.connections.token-vault.url", () -> "http://127.0.0.1:" + TOKEN_VAULT_PORT);
        registry.add(
                "bankflow.connections.token-vault.secrets-dir",
                () -> Path.of(System.getProperty("bankflow.root", ".."), ".bankflow/test-issuer/secrets")
                        .toString());
    }

    @AfterAll
    static void stopBank() {
        if (bank != null) {
            bank.close();
        }
    }

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    String registerAccount(String client, String iban, String currency) {
        HttpResponse<String> created = api.postJson(
                client,
                ACCOUNTS,
                "{\"glCode\": \"1920\", \"currency\": \"%s\", \"iban\": \"%s\"}".formatted(currency, iban));
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

    @Test
    void createsTheConsentAtTheBankAndAnswersAnAuthorizationUrlTheBankAccepts() {
        String iban = ibanOf("Driftskonto");
        String accountId = registerAccount(ACME_ERP, iban, "NOK");

        HttpResponse<String> created = api.postJson(ACME_ERP, CONNECTIONS, connectionBody(accountId));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode connection = json(created);
        String id = connection.get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue(CONNECTIONS + "/" + id);
        assertThat(connection.get("status").asString()).isEqualTo("PENDING_CONSENT");
        assertThat(connection.get("bankAccountId").asString()).isEqualTo(accountId);
        String consentId = connection.get("consentId").asString();
        URI authorizationUrl = URI.create(connection.get("authorizationUrl").asString());
        Map<String, String> query = query(authorizationUrl);
        assertThat(query)
                .containsEntry("response_type", "code")
                .containsEntry("client_id", "bankflow-local")
                .containsEntry("redirect_uri", CALLBACK)
                .containsEntry("scope", "AIS:" + consentId)
                .containsEntry("code_challenge_method", "S256");
        assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        String state = query.get("state");
        assertThat(state).matches("[A-Za-z0-9_-]{43}");
        assertThat(created.body()).doesNotContainIgnoringCase("verifier");

        // The bank holds the consent for exactly this account, waiting for the user.
        JsonNode consent = consentAtBank(consentId);
        assertThat(consent.get("consentStatus").asString()).isEqualTo("received");
        assertThat(consent.get("access").get("transactions").get(0).get("iban").asString())
                .isEqualTo(iban);
        assertThat(consent.get("frequencyPerDay").asInt()).isEqualTo(4);

        // The user follows the URL: the bank approves and sends them to our callback with a code and our state.
        HttpResponse<String> authorized = bank.get(authorizationUrl.toString());
        assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(302);
        URI redirect = URI.create(authorized.headers().firstValue("Location").orElseThrow());
        assertThat(redirect.toString()).startsWith(CALLBACK + "?");
        assertThat(query(redirect)).containsEntry("state", state).containsKey("code");
        assertThat(query(redirect)).doesNotContainKey("error");
        assertThat(consentAtBank(consentId).get("consentStatus").asString()).isEqualTo("valid");

        // Only the state's hash and the encrypted verifier are stored.
        Map<String, Object> stored = jdbc.sql("SELECT state_hash, code_verifier_enc,"
                        + " extract(epoch FROM expires_at - created_at)::int AS ttl_seconds"
                        + " FROM oauth_authorization WHERE connection_id = :id")
                .param("id", UUID.fromString(id))
                .query()
                .singleRow();
        assertThat(stored.get("state_hash")).isEqualTo(sha256(state));
        assertThat(stored.get("code_verifier_enc").toString()).startsWith("v1:");
        assertThat(stored.get("ttl_seconds")).isEqualTo(600);

        HttpResponse<String> read = api.get(ACME_READONLY, CONNECTIONS + "/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).get("status").asString()).isEqualTo("PENDING_CONSENT");
        assertThat(json(read).get("authorizationUrl").isNull()).isTrue();
        assertThat(api.get(ACME_ERP, CONNECTIONS + "?limit=100").body()).contains(id);
    }

    @Test
    void answers422WhenTheBankDoesNotKnowTheAccountWithoutShowingOrLoggingItsIban(CapturedOutput output) {
        Iban iban = freshIban();
        String accountId = registerAccount(ACME_ERP, iban.value(), "NOK");

        HttpResponse<String> created = api.postJson(ACME_ERP, CONNECTIONS, connectionBody(accountId));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(422);
        assertThat(json(created).get("type").asString()).isEqualTo("https://bankflow.io/problems/consent-refused");
        assertThat(jdbc.sql("SELECT count(*) FROM bank_connection WHERE bank_account_id = :id")
                        .param("id", UUID.fromString(accountId))
                        .query(Long.class)
                        .single())
                .isZero();
        // The bank's refusal quotes the IBAN ("the account NO.. is unknown"): logged masked, never in full.
        assertThat(created.body()).doesNotContain(iban.value()).doesNotContain(iban.grouped());
        assertThat(output.getAll())
                .contains("refused a consent for account " + accountId)
                .contains(iban.masked())
                .doesNotContain(iban.value())
                .doesNotContain(iban.grouped());
    }

    @Test
    void replaysACreationRetriedWithTheSameIdempotencyKeyWithAFreshAuthorization() {
        String accountId = registerAccount(ACME_ERP, ibanOf("Driftskonto"), "NOK");
        String key = UUID.randomUUID().toString();
        long before = connectionsOf(accountId);

        HttpResponse<String> first =
                api.postJson(ACME_ERP, CONNECTIONS, connectionBody(accountId), "Idempotency-Key", key);
        HttpResponse<String> retry =
                api.postJson(ACME_ERP, CONNECTIONS, connectionBody(accountId), "Idempotency-Key", key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        String id = json(first).get("id").asString();
        assertThat(json(retry).get("id").asString()).isEqualTo(id);
        assertThat(retry.headers().firstValue("Location")).hasValue(CONNECTIONS + "/" + id);
        assertThat(json(retry).get("consentId").asString())
                .isEqualTo(json(first).get("consentId").asString());
        assertThat(json(retry).get("status").asString()).isEqualTo("PENDING_CONSENT");
        assertThat(connectionsOf(accountId)).isEqualTo(before + 1);

        // The first URL is not stored, so the replay sends the user to the same consent with a new state and PKCE.
        URI firstUrl = URI.create(json(first).get("authorizationUrl").asString());
        URI retryUrl = URI.create(json(retry).get("authorizationUrl").asString());
        assertThat(query(retryUrl).get("state")).isNotEqualTo(query(firstUrl).get("state"));
        assertThat(query(retryUrl).get("code_challenge"))
                .isNotEqualTo(query(firstUrl).get("code_challenge"));
        assertThat(query(retryUrl).get("scope")).isEqualTo(query(firstUrl).get("scope"));
        assertThat(connectionIdOf(retryUrl)).isEqualTo(id);

        // The earlier state stops working; the new one goes as far as the code exchange (token-vault-service is down).
        HttpResponse<String> oldState = bank.get("http://127.0.0.1:" + port + "/oauth/callback?code=abc&state="
                + query(firstUrl).get("state"));
        assertThat(oldState.statusCode()).isEqualTo(400);
        assertThat(json(oldState).get("type").asString()).isEqualTo("https://bankflow.io/problems/invalid-oauth-state");
        HttpResponse<String> newState = followToCallback(retryUrl);
        assertThat(newState.statusCode()).as(newState.body()).isEqualTo(502);
        assertThat(json(api.get(ACME_ERP, CONNECTIONS + "/" + id)).get("status").asString())
                .isEqualTo("PENDING_CONSENT");
    }

    @Test
    void refusesAnIdempotencyKeyUsedForAnotherConnectionWith422() {
        String driftskonto = registerAccount(ACME_ERP, ibanOf("Driftskonto"), "NOK");
        String gbp = registerAccount(ACME_ERP, ibanOf("Valutakonto GBP"), "GBP");
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first =
                api.postJson(ACME_ERP, CONNECTIONS, connectionBody(driftskonto), "Idempotency-Key", key);
        long before = connectionsOf(gbp);
        HttpResponse<String> other = api.postJson(ACME_ERP, CONNECTIONS, connectionBody(gbp), "Idempotency-Key", key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(other.statusCode()).as(other.body()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(other).get("type").asString()).isEqualTo("https://bankflow.io/problems/idempotency-key-reused");
        assertThat(connectionsOf(gbp)).isEqualTo(before);
        // The key of an account creation is another scope: the same key may create an account.
        assertThat(api.postJson(
                                ACME_ERP,
                                ACCOUNTS,
                                "{\"glCode\": \"1920\", \"currency\": \"NOK\", \"iban\": \"%s\"}"
                                        .formatted(freshIban().value()),
                                "Idempotency-Key",
                                key)
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void answers409WhileTheFirstRequestWithTheKeyIsStillRunningAndTakesOverAnAbandonedOne() {
        String accountId = registerAccount(ACME_ERP, ibanOf("Driftskonto"), "NOK");
        String key = UUID.randomUUID().toString();
        // The first request holds the key (its claim is committed) and waits for the bank.
        holdKey(key, "now()");

        HttpResponse<String> concurrent =
                api.postJson(ACME_ERP, CONNECTIONS, connectionBody(accountId), "Idempotency-Key", key);

        assertThat(concurrent.statusCode()).as(concurrent.body()).isEqualTo(409);
        assertThat(json(concurrent).get("type").asString())
                .isEqualTo("https://bankflow.io/problems/idempotency-key-in-use");

        // A claim older than the in-progress timeout (2 minutes) belongs to a request whose instance died.
        String abandoned = UUID.randomUUID().toString();
        holdKey(abandoned, "now() - interval '10 minutes'");
        HttpResponse<String> takenOver =
                api.postJson(ACME_ERP, CONNECTIONS, connectionBody(accountId), "Idempotency-Key", abandoned);
        assertThat(takenOver.statusCode()).as(takenOver.body()).isEqualTo(201);
        assertThat(api.postJson(ACME_ERP, CONNECTIONS, connectionBody(accountId), "Idempotency-Key", abandoned)
                        .headers()
                        .firstValue("Idempotent-Replayed"))
                .hasValue("true");
    }

    @Test
    void replaysAConnectionThatNoLongerWaitsForConsentWithoutAnAuthorizationUrl() {
        String accountId = registerAccount(ACME_ERP, ibanOf("Valutakonto GBP"), "GBP");
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first =
                api.postJson(ACME_ERP, CONNECTIONS, connectionBody(accountId), "Idempotency-Key", key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        refuseNextAuthorisation();
        assertThat(followToCallback(
                                URI.create(json(first).get("authorizationUrl").asString()))
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> retry =
                api.postJson(ACME_ERP, CONNECTIONS, connectionBody(accountId), "Idempotency-Key", key);

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(retry).get("id").asString())
                .isEqualTo(json(first).get("id").asString());
        assertThat(json(retry).get("status").asString()).isEqualTo("FAILED");
        assertThat(json(retry).get("authorizationUrl").isNull()).isTrue();
    }

    /** A request with the key is running (or ran, from {@code claimedAt}) in acme-industries. */
    void holdKey(String key, String claimedAt) {
        jdbc.sql("INSERT INTO idempotency_key (org_id, scope, idempotency_key, request_fingerprint, claim_id,"
                        + " claimed_at) VALUES ('acme-industries', 'connection', :key, repeat('0', 64),"
                        + " gen_random_uuid(), " + claimedAt + ")")
                .param("key", key)
                .update();
    }

    long connectionsOf(String accountId) {
        return jdbc.sql("SELECT count(*) FROM bank_connection WHERE bank_account_id = :id")
                .param("id", UUID.fromString(accountId))
                .query(Long.class)
                .single();
    }

    @Test
    void treatsAnotherOrganisationsAccountAsUnknownAndHidesItsConnections() {
        String acmeAccount = registerAccount(ACME_ERP, ibanOf("Valutakonto EUR"), "EUR");
        HttpResponse<String> created = api.postJson(ACME_ERP, CONNECTIONS, connectionBody(acmeAccount));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String connectionId = json(created).get("id").asString();

        HttpResponse<String> foreign = api.postJson(GLOBEX_ERP, CONNECTIONS, connectionBody(acmeAccount));
        HttpResponse<String> read = api.get(GLOBEX_ERP, CONNECTIONS + "/" + connectionId);

        assertThat(foreign.statusCode()).isEqualTo(422);
        assertThat(json(foreign).get("type").asString()).isEqualTo("https://bankflow.io/problems/unknown-bank-account");
        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(api.get(GLOBEX_ERP, CONNECTIONS).body()).doesNotContain(connectionId);
    }

    @Test
    void refusesUnknownProvidersAndEnvironmentsAndCallersWithoutRole() {
        String accountId = registerAccount(ACME_ERP, ibanOf("Valutakonto GBP"), "GBP");

        HttpResponse<String> provider = api.postJson(
                ACME_ERP,
                CONNECTIONS,
                "{\"provider\": \"acme-bank\", \"bankAccountId\": \"%s\", \"environment\": \"sandbox\"}"
                        .formatted(accountId));
        HttpResponse<String> environment = api.postJson(
                ACME_ERP,
                CONNECTIONS,
                "{\"provider\": \"sandbox-bank\", \"bankAccountId\": \"%s\", \"environment\": \"production\"}"
                        .formatted(accountId));
        HttpResponse<String> readonly = api.postJson(ACME_READONLY, CONNECTIONS, connectionBody(accountId));

        assertThat(provider.statusCode()).isEqualTo(400);
        assertThat(json(provider).get("errors").get(0).get("field").asString()).isEqualTo("provider");
        assertThat(environment.statusCode()).isEqualTo(400);
        assertThat(json(environment).get("errors").get(0).get("field").asString())
                .isEqualTo("environment");
        assertThat(readonly.statusCode()).isEqualTo(403);
    }

    /** Creates a connection for a seeded account and answers its authorization URL. */
    URI startConnection(String accountName, String currency) {
        String accountId = registerAccount(ACME_ERP, ibanOf(accountName), currency);
        HttpResponse<String> created = api.postJson(ACME_ERP, CONNECTIONS, connectionBody(accountId));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return URI.create(json(created).get("authorizationUrl").asString());
    }

    /** What the user's browser does with the bank's redirect: calls our callback with its query. */
    HttpResponse<String> followToCallback(URI authorizationUrl) {
        HttpResponse<String> authorized = bank.get(authorizationUrl.toString());
        assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(302);
        URI redirect = URI.create(authorized.headers().firstValue("Location").orElseThrow());
        return bank.get("http://127.0.0.1:" + port + "/oauth/callback?" + redirect.getRawQuery());
    }

    String connectionIdOf(URI authorizationUrl) {
        return jdbc.sql("SELECT connection_id FROM oauth_authorization WHERE state_hash = :hash")
                .param("hash", sha256(query(authorizationUrl).get("state")))
                .query(UUID.class)
                .single()
                .toString();
    }

    @Test
    void refusesACallbackWithAnUnknownStateOrWithoutOne() {
        HttpResponse<String> unknown = bank.get("http://127.0.0.1:" + port + "/oauth/callback?code=abc&state=forged");
        HttpResponse<String> none = bank.get("http://127.0.0.1:" + port + "/oauth/callback?code=abc");

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(unknown).get("type").asString()).isEqualTo("https://bankflow.io/problems/invalid-oauth-state");
        assertThat(none.statusCode()).isEqualTo(400);
    }

    @Test
    void failsTheConnectionWhenTheUserRefusesAtTheBankAndRefusesTheStateAgain() {
        URI authorizationUrl = startConnection("Driftskonto", "NOK");
        String id = connectionIdOf(authorizationUrl);
        refuseNextAuthorisation();

        HttpResponse<String> callback = followToCallback(authorizationUrl);

        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
        assertThat(json(callback).get("status").asString()).isEqualTo("FAILED");
        assertThat(json(callback).get("failureReason").asString()).contains("access_denied");
        JsonNode connection = json(api.get(ACME_ERP, CONNECTIONS + "/" + id));
        assertThat(connection.get("status").asString()).isEqualTo("FAILED");
        assertThat(connection.get("failureReason").asString()).contains("access_denied");
        String query = "state=" + query(authorizationUrl).get("state") + "&code=again";
        assertThat(bank.get("http://127.0.0.1:" + port + "/oauth/callback?" + query)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void refusesAnExpiredState() {
        URI authorizationUrl = startConnection("Valutakonto GBP", "GBP");
        jdbc.sql("UPDATE oauth_authorization SET expires_at = now() - interval '1 second' WHERE state_hash = :hash")
                .param("hash", sha256(query(authorizationUrl).get("state")))
                .update();

        HttpResponse<String> callback = followToCallback(authorizationUrl);

        assertThat(callback.statusCode()).isEqualTo(400);
        assertThat(json(callback).get("type").asString()).isEqualTo("https://bankflow.io/problems/invalid-oauth-state");
        assertThat(json(api.get(ACME_ERP, CONNECTIONS + "/" + connectionIdOf(authorizationUrl)))
                        .get("status")
                        .asString())
                .isEqualTo("PENDING_CONSENT");
    }

    @Test
    void answers502AndKeepsTheStateUsableWhenTokenVaultCannotExchangeTheCode() {
        URI authorizationUrl = startConnection("Geschäftskonto", "EUR");
        String id = connectionIdOf(authorizationUrl);

        HttpResponse<String> callback = followToCallback(authorizationUrl);

        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(502);
        assertThat(json(callback).get("type").asString())
                .isEqualTo("https://bankflow.io/problems/provider-unavailable");
        assertThat(json(api.get(ACME_ERP, CONNECTIONS + "/" + id)).get("status").asString())
                .isEqualTo("PENDING_CONSENT");
        assertThat(jdbc.sql("SELECT used_at IS NULL FROM oauth_authorization WHERE connection_id = :id")
                        .param("id", UUID.fromString(id))
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM event_outbox")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void activatesTheConnectionAndWritesBothEventsOnceTokenVaultExchangedTheCode() {
        assertThat(TokenVaultService.available())
                .as("token-vault-service jar (build it: ./bankflow mvn -pl token-vault-service package -DskipTests)")
                .isTrue();
        String iban = ibanOf("Valutakonto EUR");
        URI authorizationUrl = startConnection("Valutakonto EUR", "EUR");
        String id = connectionIdOf(authorizationUrl);
        Map<String, String> vaultEnvironment = new HashMap<>();
        try (TestDatabase vaultDatabase = TestPostgres.createDatabase("token_vault_for_connection_it")) {
            vaultEnvironment.put("BANKFLOW_DB_URL", vaultDatabase.jdbcUrl());
            vaultEnvironment.put("BANKFLOW_DB_USER", vaultDatabase.user());
            vaultEnvironment.put("BANKFLOW_DB_PASSWORD", vaultDatabase.password());
            vaultEnvironment.put(
                    "BANKFLOW_KAFKA_BOOTSTRAP", environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
            vaultEnvironment.put(
                    "BANKFLOW_REGISTRY_URL",
                    environment.getRequiredProperty("spring.kafka.properties.schema.registry.url"));
            vaultEnvironment.put(
                    "BANKFLOW_ISSUER_URI",
                    environment.getRequiredProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"));
            vaultEnvironment.put("BANKFLOW_SANDBOX_BANK_URL", bank.url().toString());
            vaultEnvironment.put("BANKFLOW_TOKEN_VAULT_REFRESH_ENABLED", "false");
            try (TokenVaultService vault =
                    TokenVaultService.start(TOKEN_VAULT_PORT, bank.secretsDir(), vaultEnvironment)) {

                HttpResponse<String> callback = followToCallback(authorizationUrl);

                assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
                assertThat(json(callback).get("status").asString()).isEqualTo("ACTIVE");
            }
        }
        assertThat(json(api.get(ACME_ERP, CONNECTIONS + "/" + id)).get("status").asString())
                .isEqualTo("ACTIVE");
        String accountId = json(api.get(ACME_ERP, CONNECTIONS + "/" + id))
                .get("bankAccountId")
                .asString();
        assertThat(json(api.get(ACME_ERP, ACCOUNTS + "/" + accountId))
                        .get("connectionId")
                        .asString())
                .isEqualTo(id);
        assertThat(jdbc.sql("SELECT topic FROM event_outbox WHERE message_key = :id ORDER BY id")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .containsExactly(EventTopics.CONNECTION_ACTIVATED, EventTopics.SYNC_REQUESTED);
        // What sync-service needs to run the job: account, provider, consent and the IBAN in electronic form.
        SyncRequested syncRequested = (SyncRequested) outboxEvent(EventTopics.SYNC_REQUESTED, id);
        assertThat(syncRequested.getConnectionId()).isEqualTo(id);
        assertThat(syncRequested.getReason()).isEqualTo(SyncReason.INITIAL);
        assertThat(syncRequested.getAccountId()).isEqualTo(accountId);
        assertThat(syncRequested.getProvider()).isEqualTo("sandbox-bank");
        assertThat(syncRequested.getProviderConsentId())
                .isNotBlank()
                .isEqualTo(json(api.get(ACME_ERP, CONNECTIONS + "/" + id))
                        .get("consentId")
                        .asString());
        assertThat(syncRequested.getAccountIban()).isEqualTo(iban).doesNotContain(" ");
    }

    /** The event of a topic written to the outbox under a key, read the way consumers read it. */
    SpecificRecord outboxEvent(String topic, String key) {
        byte[] payload = jdbc.sql("SELECT payload FROM event_outbox WHERE topic = :topic AND message_key = :key")
                .param("topic", topic)
                .param("key", key)
                .query(byte[].class)
                .single();
        try (ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer()) {
            deserializer.configure(
                    Map.of(
                            "schema.registry.url",
                            environment.getRequiredProperty("spring.kafka.properties.schema.registry.url")),
                    false);
            return deserializer.deserialize(topic, payload);
        }
    }

    static Iban freshIban() {
        return Iban.of("NO", Long.toString(ThreadLocalRandom.current().nextLong(10_000_000_000L, 100_000_000_000L)));
    }

    static Map<String, String> query(URI uri) {
        return Stream.of(uri.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> decode(pair[0]), pair -> pair.length > 1 ? decode(pair[1]) : "", (a, b) -> a));
    }

    static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The IBAN of one of the sandbox customer's seeded accounts, by its name (e.g. {@code Driftskonto}). */
    static String ibanOf(String accountName) {
        for (JsonNode account : json(bank.get("/sandbox")).get("accounts")) {
            if (account.get("name").asString().equals(accountName)) {
                return account.get("iban").asString();
            }
        }
        throw new IllegalArgumentException("The sandbox bank has no account " + accountName);
    }

    /** The bank's view of a consent (Berlin Group {@code GET /v1/consents/{id}}). */
    static JsonNode consentAtBank(String consentId) {
        HttpResponse<String> response =
                bank.send(HttpRequest.newBuilder(bank.url().resolve("/v1/consents/" + consentId))
                        .header("X-Request-ID", UUID.randomUUID().toString())
                        .GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "The sandbox bank answered " + response.statusCode() + ": " + response.body());
        }
        return json(response);
    }

    /** The bank's customer refuses the next authorisation ({@code error=access_denied}). */
    static void refuseNextAuthorisation() {
        HttpResponse<String> response =
                bank.send(HttpRequest.newBuilder(bank.url().resolve("/sandbox/authorisations/refuse-next"))
                        .POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The sandbox bank answered " + response.statusCode());
        }
    }
}
