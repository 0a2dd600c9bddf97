package io.bankflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.localstack.demo.AccessToken;
import io.bankflow.localstack.demo.Api;
import io.bankflow.localstack.demo.ApiResponse;
import io.bankflow.localstack.demo.DevIssuer;
import io.bankflow.localstack.demo.GatewayClient;
import io.bankflow.localstack.demo.Poll;
import io.bankflow.localstack.demo.SandboxBank;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A connection's life through the gateway only, against the sandbox bank and every service (issue #4): the consent
 * lapses at the bank, a sync finds it out and the connection becomes EXPIRED with instructions; re-authorization keeps
 * the connection and its history (the next sync stores nothing twice); disconnecting ends the consent at the bank and
 * token-vault-service destroys the tokens, so no sync can read the bank any more.
 */
@ExtendWith(SharedLocalStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(3)
class ConnectionLifecycleEndToEndIT {

    private static final Duration ASYNC = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(200);
    /** The user asked and is present: reads do not count against the consent's 4 unattended reads a day. */
    private static final String USER_IP = "192.0.2.44";

    private static GatewayClient gateway;
    private static SandboxBank bank;
    private static URI bankUrl;
    private static AccessToken acme;
    private static AccessToken globex;
    private static Api.Connection connection;
    private static Api.SyncJob firstSync;

    @BeforeAll
    static void connectToTheSharedStack(LocalStack stack) {
        gateway = new GatewayClient(URI.create(stack.url(0)));
        bankUrl = URI.create(stack.url(70));
        bank = new SandboxBank(bankUrl);
        DevIssuer issuer = new DevIssuer(URI.create(stack.url(75)), stack.home().resolve("secrets"));
        acme = issuer.accessToken("acme-erp");
        globex = issuer.accessToken("globex-erp");
    }

    @Test
    @Order(1)
    void aConnectedAccountSyncsAndItsConsentValidityIsKnown() {
        SandboxBank.Account eurDe = bank.overview().account("DE", "EUR");
        Api.BankAccount account = gateway.registerAccount(acme, "1923", "EUR", eurDe.iban(), "EUR Germany")
                .value();
        Api.Connection started = gateway.connectToSandboxBank(acme, account.id());
        gateway.completeAuthorization(bank.authorize(started.authorizationUrl()));

        connection = gateway.connection(acme, started.id());
        assertThat(connection.status()).isEqualTo("ACTIVE");
        assertThat(connection.consentValidUntil())
                .as("read back from the bank")
                .isAfter(LocalDate.now().plusDays(30));
        firstSync = awaitFinished(() -> latest(connection.id(), "INITIAL"));
        assertThat(firstSync.status()).as("failure: %s", firstSync.failure()).isEqualTo("COMPLETED");
    }

    @Test
    @Order(2)
    void aConsentThatLapsedAtTheBankMakesTheConnectionExpiredWithInstructions() {
        ApiResponse expired = bankControl("/sandbox/consents/" + connection.consentId() + "/expire");
        assertThat(expired.status()).as(expired.describe()).isEqualTo(200);

        Api.SyncJob sync = awaitFinished(() -> Optional.of(requestSync(connection.id())));
        assertThat(sync.status()).isEqualTo("FAILED");
        assertThat(sync.failure().code()).isEqualTo("CONSENT_EXPIRED");
        assertThat(sync.failure().retryable()).isFalse();

        Api.Connection after = Poll.until("the connection EXPIRED", ASYNC, POLL, () -> {
            Api.Connection now = gateway.connection(acme, connection.id());
            return Poll.when(now.status().equals("EXPIRED"), now);
        });
        assertThat(after.reauthentication()).isNotNull();
        assertThat(after.reauthentication().required()).isTrue();
        assertThat(after.reauthentication().method()).isEqualTo("POST");
        assertThat(after.reauthentication().url())
                .endsWith("/api/banking/connections/" + connection.id() + "/reauthorize");
        assertThat(after.reauthentication().message()).isNotBlank();
    }

    @Test
    @Order(3)
    void reauthorizingKeepsTheConnectionAndItsHistoryAndStoresNothingTwice() {
        ApiResponse answer =
                gateway.post("/api/banking/connections/" + connection.id() + "/reauthorize", acme, Map.of());
        assertThat(answer.status()).as(answer.describe()).isEqualTo(200);
        Api.Connection reauthorizing = answer.as(Api.Connection.class);
        assertThat(reauthorizing.id()).isEqualTo(connection.id());
        assertThat(reauthorizing.authorizationUrl()).isNotNull();

        Api.CallbackResult callback = gateway.completeAuthorization(bank.authorize(reauthorizing.authorizationUrl()));

        assertThat(callback.connectionId()).isEqualTo(connection.id());
        assertThat(callback.status()).isEqualTo("ACTIVE");
        Api.Connection active = gateway.connection(acme, connection.id());
        assertThat(active.consentId()).isNotEqualTo(connection.consentId());
        connection = active;
        // The first sync's window again: every line is known from the first consent.
        Api.SyncJob resync = awaitFinished(() -> Optional.of(requestSync(connection.id(), firstSync.dateFrom())));
        assertThat(resync.status()).as("failure: %s", resync.failure()).isEqualTo("COMPLETED");
        assertThat(resync.counts().newLines())
                .as("the lines synced under the first consent are known")
                .isZero();
        assertThat(resync.counts().duplicates()).isPositive();

        List<String> reasons =
                history(connection.id()).stream().map(Api.StatusChange::reason).toList();
        assertThat(reasons).containsSubsequence("authorized", "consent-expired", "reauthorized");
    }

    @Test
    @Order(4)
    void illegalTransitionsAndOtherOrganisationsGetProblems() {
        ApiResponse notExpired =
                gateway.post("/api/banking/connections/" + connection.id() + "/reauthorize", acme, Map.of());
        assertThat(notExpired.status()).as(notExpired.describe()).isEqualTo(409);
        assertThat(notExpired.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(notExpired.body()).contains("illegal-state-transition");

        for (ApiResponse foreign : List.of(
                gateway.post("/api/banking/connections/" + connection.id() + "/reauthorize", globex, Map.of()),
                gateway.get("/api/banking/connections/" + connection.id() + "/history", globex),
                gateway.delete("/api/banking/connections/" + connection.id(), globex))) {
            assertThat(foreign.status()).as(foreign.describe()).isEqualTo(404);
        }
    }

    @Test
    @Order(5)
    void disconnectingEndsTheConsentAtTheBankAndNoSyncCanReadItAgain() {
        ApiResponse first = gateway.delete("/api/banking/connections/" + connection.id(), acme);
        assertThat(first.status()).as(first.describe()).isEqualTo(200);
        assertThat(first.as(Api.Connection.class).status()).isEqualTo("REVOKED");
        ApiResponse again = gateway.delete("/api/banking/connections/" + connection.id(), acme);
        assertThat(again.status()).as("disconnecting twice answers the same").isEqualTo(200);
        assertThat(again.as(Api.Connection.class).status()).isEqualTo("REVOKED");

        ApiResponse consent = bankGet("/v1/consents/" + connection.consentId() + "/status");
        assertThat(consent.body()).as(consent.describe()).contains("terminatedByTpp");

        // token-vault-service shreds the tokens on ConnectionRevoked: soon no job can get a token.
        Api.SyncJob refused = Poll.until("a sync refused for want of tokens", ASYNC, Duration.ofSeconds(1), () -> {
            Api.SyncJob job = awaitFinished(() -> Optional.of(requestSync(connection.id())));
            return Poll.when("FAILED".equals(job.status()), job);
        });
        assertThat(refused.failure().code()).isIn("TOKENS_REVOKED", "TOKEN_INVALID", "CONSENT_INVALID");
        assertThat(refused.failure().retryable()).isFalse();
        assertThat(history(connection.id())).last().satisfies(change -> {
            assertThat(change.to()).isEqualTo("REVOKED");
            assertThat(change.actor()).isEqualTo("acme-erp");
        });
    }

    private static Api.SyncJob requestSync(UUID connectionId) {
        return requestSync(connectionId, null);
    }

    private static Api.SyncJob requestSync(UUID connectionId, LocalDate dateFrom) {
        Map<String, Object> body =
                new java.util.HashMap<>(Map.of("connectionId", connectionId, "psuIpAddress", USER_IP));
        if (dateFrom != null) {
            body.put("dateFrom", dateFrom.toString());
        }
        ApiResponse queued = gateway.post("/api/banking/sync-jobs", acme, body);
        assertThat(queued.status()).as(queued.describe()).isEqualTo(202);
        return queued.as(Api.SyncJob.class);
    }

    private static Optional<Api.SyncJob> latest(UUID connectionId, String reason) {
        return gateway.syncJobs(acme, connectionId).stream()
                .filter(job -> job.reason().equals(reason))
                .findFirst();
    }

    /** Waits until the job {@code find} names (once it exists) has finished. */
    private static Api.SyncJob awaitFinished(java.util.function.Supplier<Optional<Api.SyncJob>> find) {
        UUID id = Poll.until("the sync job to exist", ASYNC, POLL, find).id();
        return Poll.until("sync job " + id + " to finish", ASYNC, POLL, () -> {
            Api.SyncJob job = gateway.syncJob(acme, id);
            return Poll.when(job.finished(), job);
        });
    }

    private static List<Api.StatusChange> history(UUID connectionId) {
        ApiResponse answer = gateway.get("/api/banking/connections/" + connectionId + "/history", acme);
        assertThat(answer.status()).as(answer.describe()).isEqualTo(200);
        return answer.as(Api.ConnectionHistory.class).items();
    }

    private static ApiResponse bankControl(String path) {
        return gateway.send("POST", bankUrl.resolve(path), null, "{}", Map.of("Content-Type", "application/json"));
    }

    private static ApiResponse bankGet(String path) {
        return gateway.send(
                "GET",
                bankUrl.resolve(path),
                null,
                null,
                Map.of("X-Request-ID", UUID.randomUUID().toString()));
    }
}
