package io.bankflow.sync.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.avroserde.ConfluentAvroDeserializer;
import io.bankflow.events.EventTopics;
import io.bankflow.events.common.EventMetadata;
import io.bankflow.events.sync.StatementFetched;
import io.bankflow.events.sync.SyncJobCompleted;
import io.bankflow.events.sync.SyncJobFailed;
import io.bankflow.events.sync.SyncJobStarted;
import io.bankflow.events.sync.SyncReason;
import io.bankflow.events.sync.SyncRequested;
import io.bankflow.events.webhook.WebhookReceived;
import io.bankflow.sync.jobs.application.port.out.AccessTokens;
import io.bankflow.sync.jobs.domain.SyncFailure;
import io.bankflow.testinfra.ServiceIntegrationTest;
import io.bankflow.testinfra.TestIssuer;
import io.bankflow.testinfra.TestRegistry;
import io.bankflow.testinfra.TestSandboxBank;
import io.bankflow.testinfra.TopicRecords;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sync jobs end to end inside sync-service, against the real sandbox bank, PostgreSQL, Kafka and registry:
 * SyncRequested -> job -> every page fetched -> lines stored once -> StatementFetched; a re-sync of the same window
 * adds nothing; a "transactions available" webhook syncs the new deposit; failures end as SyncJobFailed.
 *
 * <p>The access token comes from the real sandbox bank (the consent is authorised the way connection-service and
 * token-vault-service do it); only the hop through token-vault-service is replaced, by {@link BankTokens}. That hop
 * is covered by token-vault-service's tests and the full-stack end-to-end test.
 */
@ServiceIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SyncJobsIT {

    static final Duration WITHIN = Duration.ofSeconds(60);
    static final String ACME = "acme-industries";
    static final String REDIRECT_URI = "http://127.0.0.1:18600/oauth/callback";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Enforces PSD2's 4 unattended reads per consent, account and day, as banks do. */
    static final TestSandboxBank BANK =
            TestSandboxBank.builder().enforceFrequency(true).start();

    @DynamicPropertySource
    static void bank(DynamicPropertyRegistry registry) {
        registry.add("bankflow.sync.berlin-group.base-url", () -> BANK.url().toString());
        registry.add("bankflow.sync.retry.first-delay", () -> "100ms");
        registry.add("bankflow.sync.retry.max-attempts", () -> "2");
    }

    @AfterAll
    static void stopBank() {
        BANK.close();
    }

    /** Access tokens by connection, as token-vault-service would hand them out. */
    static final class BankTokens implements AccessTokens {
        final Map<UUID, String> tokens = new ConcurrentHashMap<>();

        @Override
        public String accessToken(String orgId, UUID connectionId) {
            String token = tokens.get(connectionId);
            if (token == null) {
                throw new UnavailableException(
                        new SyncFailure("TOKENS_NOT_FOUND", "No tokens for this connection.", false));
            }
            return token;
        }
    }

    @TestConfiguration
    static class Tokens {
        @Bean
        @Primary
        BankTokens bankTokens() {
            return new BankTokens();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    BankTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theFirstSyncStoresEveryLineOnceAndASecondSyncOfTheSameDatesAddsNothing() throws Exception {
        Connected connection = connect("NO3215039811828");
        SyncRequested request =
                syncRequested(connection, LocalDate.now(ZoneOffset.UTC).minusDays(90));

        try (TopicRecords records = records()) {
            kafka.send(EventTopics.SYNC_REQUESTED, connection.id().toString(), request)
                    .get();

            JsonNode job = awaitJob(connection.id(), "INITIAL", "COMPLETED", ACME_ERP);
            int fetched = job.path("counts").path("fetched").asInt();
            int added = job.path("counts").path("new").asInt();
            assertThat(fetched).isPositive();
            assertThat(added).isPositive().isLessThanOrEqualTo(fetched);
            assertThat(job.path("counts").path("errors").asInt()).isZero();
            assertThat(job.path("accountId").asString())
                    .isEqualTo(connection.accountId().toString());

            List<StatementFetched> statements =
                    records
                            .await(
                                    EventTopics.STATEMENT_FETCHED,
                                    connection.accountId().toString(),
                                    1,
                                    WITHIN)
                            .stream()
                            .map(record -> records.decode(record, StatementFetched.class))
                            .toList();
            StatementFetched first = statements.getFirst();
            assertThat(first.getMetadata().getOrgId()).isEqualTo(ACME);
            assertThat(first.getMetadata().getCorrelationId())
                    .isEqualTo(request.getMetadata().getCorrelationId());
            assertThat(first.getMetadata().getCausationId())
                    .isEqualTo(request.getMetadata().getEventId().toString());
            assertThat(first.getLines()).hasSize(added);
            Set<String> lineIds = new HashSet<>();
            first.getLines().forEach(line -> lineIds.add(line.getLineId()));
            assertThat(lineIds).hasSize(added);
            assertThat(first.getClosingBalance()).isNotNull();
            assertThat(first.getClosingBalance().getBalanceType()).isEqualTo("closingBooked");
            assertThat(first.getClosingBalance().getAmount().getCurrency()).isEqualTo("NOK");
            assertThat(first.getLines())
                    .as("oldest first")
                    .isSortedAccordingTo((a, b) -> a.getBookingDate() == null || b.getBookingDate() == null
                            ? 0
                            : a.getBookingDate().compareTo(b.getBookingDate()));

            SyncJobStarted started = records.decode(
                    records.await(EventTopics.SYNC_JOB_STARTED, connection.id().toString(), 1, WITHIN)
                            .getFirst(),
                    SyncJobStarted.class);
            assertThat(started.getJobId()).isEqualTo(job.path("id").asString());
            assertThat(started.getDateFrom()).isEqualTo(request.getDateFrom());
            SyncJobCompleted completed = records.decode(
                    records.await(
                                    EventTopics.SYNC_JOB_COMPLETED,
                                    connection.id().toString(),
                                    1,
                                    WITHIN)
                            .getFirst(),
                    SyncJobCompleted.class);
            assertThat(completed.getNewCount()).isEqualTo(added);
            assertThat(completed.getFetchedCount()).isEqualTo(fetched);

            // The same window again, asked for by a user: nothing new is stored or published.
            HttpResponse<String> again = post(
                    ACME_ERP,
                    "{\"connectionId\":\"" + connection.id() + "\",\"dateFrom\":\"" + request.getDateFrom()
                            + "\",\"psuIpAddress\":\"192.0.2.10\"}");
            assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
            assertThat(again.headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).startsWith("/api/banking/sync-jobs/"));
            String againId = JSON.readTree(again.body()).path("id").asString();
            JsonNode second = awaitJobById(againId, "COMPLETED");
            assertThat(second.path("reason").asString()).isEqualTo("MANUAL");
            assertThat(second.path("counts").path("new").asInt()).isZero();
            assertThat(second.path("counts").path("duplicates").asInt()).isEqualTo(fetched);
            assertThat(records.readFor(
                            EventTopics.STATEMENT_FETCHED,
                            connection.accountId().toString(),
                            Duration.ofSeconds(2)))
                    .as("no StatementFetched for a sync that found nothing new")
                    .hasSize(statements.size());
        }
    }

    @Test
    void aTransactionsAvailableWebhookSyncsTheNewDeposit() throws Exception {
        Connected connection = connect("NO3215039811828");
        kafka.send(
                        EventTopics.SYNC_REQUESTED,
                        connection.id().toString(),
                        syncRequested(connection, LocalDate.now(ZoneOffset.UTC).minusDays(30)))
                .get();
        awaitJob(connection.id(), "INITIAL", "COMPLETED", ACME_ERP);
        HttpResponse<String> deposit = BANK.postJson(
                "/sandbox/accounts/" + connection.resourceId() + "/transactions",
                "{\"amount\":\"1250.00\",\"currency\":\"NOK\",\"remittanceInformationUnstructured\":"
                        + "\"Invoice 1001 CUS00004711\",\"counterpartyName\":\"Nordic Retail AS\"}");
        assertThat(deposit.statusCode()).as(deposit.body()).isBetween(200, 299);

        try (TopicRecords records = records()) {
            kafka.send(EventTopics.WEBHOOK_RECEIVED, connection.resourceId(), webhook(connection.resourceId()))
                    .get();

            JsonNode job = awaitJob(connection.id(), "WEBHOOK", "COMPLETED", ACME_ERP);
            assertThat(job.path("counts").path("new").asInt()).isEqualTo(1);
            StatementFetched fetched = records
                    .await(
                            EventTopics.STATEMENT_FETCHED,
                            record -> record.key().equals(connection.accountId().toString())
                                    && records.decode(record, StatementFetched.class)
                                            .getJobId()
                                            .equals(job.path("id").asString()),
                            1,
                            WITHIN)
                    .stream()
                    .map(record -> records.decode(record, StatementFetched.class))
                    .findFirst()
                    .orElseThrow();
            assertThat(fetched.getLines()).singleElement().satisfies(line -> {
                assertThat(line.getRemittanceInformation()).isEqualTo("Invoice 1001 CUS00004711");
                assertThat(line.getAmount().getAmount()).isEqualByComparingTo("1250.00");
            });
        }
    }

    @Test
    void aReconsentedConnectionFindsItsAccountAgainByIbanAndAddsNoLineTwice() throws Exception {
        Connected first = connect("NO3215039811828");
        LocalDate from = LocalDate.now(ZoneOffset.UTC).minusDays(20);
        kafka.send(EventTopics.SYNC_REQUESTED, first.id().toString(), syncRequested(first, from))
                .get();
        JsonNode initial = awaitJob(first.id(), "INITIAL", "COMPLETED", ACME_ERP);
        assertThat(initial.path("counts").path("new").asInt()).isPositive();

        // The consent lapsed and the user consented again: same connection and account, a new consent (and token).
        TestSandboxBank.Authorization again = BANK.authorize(REDIRECT_URI);
        tokens.tokens.put(first.id(), BANK.accessTokenFor(again, REDIRECT_URI));
        Connected reconsented =
                new Connected(first.id(), first.accountId(), again.consentId(), first.iban(), first.resourceId());
        SyncRequested reactivation = SyncRequested.newBuilder(syncRequested(reconsented, from))
                .setReason(SyncReason.MANUAL)
                .build();
        kafka.send(EventTopics.SYNC_REQUESTED, first.id().toString(), reactivation)
                .get();

        JsonNode resync = awaitJob(first.id(), "MANUAL", "COMPLETED", ACME_ERP);
        assertThat(resync.path("counts").path("new").asInt())
                .as("the history is kept: nothing stored twice under the new consent")
                .isZero();
        assertThat(resync.path("counts").path("duplicates").asInt())
                .isEqualTo(initial.path("counts").path("fetched").asInt());
        assertThat(jdbc.sql("select provider_consent_id, account_resource_id from sync_target where connection_id = ?")
                        .param(first.id())
                        .query((rs, row) -> rs.getString(1) + "/" + rs.getString(2))
                        .single())
                .as("the new consent, and the account found again (by IBAN) among those it lists")
                .isEqualTo(again.consentId() + "/" + first.resourceId());
    }

    @Test
    void anUnattendedSyncIsOneReadOfTheAccountSoFourFitADayAndTheFifthWaitsForTheQuota() throws Exception {
        Connected connection = connect("NO3215039811828");
        LocalDate from = LocalDate.now(ZoneOffset.UTC).minusDays(5);
        kafka.send(EventTopics.SYNC_REQUESTED, connection.id().toString(), syncRequested(connection, from))
                .get();
        awaitJob(connection.id(), "INITIAL", "COMPLETED", ACME_ERP);
        String unattended = "{\"connectionId\":\"" + connection.id() + "\",\"dateFrom\":\"" + from + "\"}";
        for (int sync = 2; sync <= 4; sync++) {
            JsonNode job = awaitJobById(
                    JSON.readTree(post(ACME_ERP, unattended).body()).path("id").asString(), "COMPLETED");
            assertThat(job.path("counts").path("fetched").asInt())
                    .as("sync %d", sync)
                    .isPositive();
        }

        String fifth =
                JSON.readTree(post(ACME_ERP, unattended).body()).path("id").asString();
        JsonNode waiting = awaitFailureOf(fifth);
        assertThat(waiting.path("status").asString())
                .as("a quota answer waits for the bank's new day instead of failing")
                .isEqualTo("QUEUED");
        assertThat(waiting.path("failure").path("code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(waiting.path("failure").path("retryable").asBoolean()).isTrue();

        String attended = "{\"connectionId\":\"" + connection.id() + "\",\"dateFrom\":\"" + from
                + "\",\"psuIpAddress\":\"198.51.100.7\"}";
        awaitJobById(JSON.readTree(post(ACME_ERP, attended).body()).path("id").asString(), "COMPLETED");
    }

    @Test
    void aJobWithoutTokensFailsWithASafeReasonAndSyncJobFailed() throws Exception {
        Connected connection = connect("NO3215039811828");
        tokens.tokens.remove(connection.id());

        try (TopicRecords records = records()) {
            kafka.send(
                            EventTopics.SYNC_REQUESTED,
                            connection.id().toString(),
                            syncRequested(
                                    connection, LocalDate.now(ZoneOffset.UTC).minusDays(10)))
                    .get();

            JsonNode job = awaitJob(connection.id(), "INITIAL", "FAILED", ACME_ERP);
            assertThat(job.path("failure").path("code").asString()).isEqualTo("TOKENS_NOT_FOUND");
            assertThat(job.path("failure").path("retryable").asBoolean()).isFalse();
            SyncJobFailed failed = records.decode(
                    records.await(EventTopics.SYNC_JOB_FAILED, connection.id().toString(), 1, WITHIN)
                            .getFirst(),
                    SyncJobFailed.class);
            assertThat(failed.getErrorCode()).isEqualTo("TOKENS_NOT_FOUND");
            assertThat(failed.getRetryable()).isFalse();
        }
    }

    @Test
    void anotherOrganisationSeesNoneOfItAndBadRequestsGetProblems() throws Exception {
        Connected connection = connect("NO3215039811828");
        kafka.send(
                        EventTopics.SYNC_REQUESTED,
                        connection.id().toString(),
                        syncRequested(connection, LocalDate.now(ZoneOffset.UTC).minusDays(5)))
                .get();
        JsonNode job = awaitJob(connection.id(), "INITIAL", "COMPLETED", ACME_ERP);

        assertProblem(get(GLOBEX_ERP, "/api/banking/sync-jobs/" + job.path("id").asString()), 404);
        assertThat(JSON.readTree(get(GLOBEX_ERP, "/api/banking/sync-jobs?connectionId=" + connection.id())
                                .body())
                        .path("items"))
                .isEmpty();
        assertProblem(post(GLOBEX_ERP, "{\"connectionId\":\"" + connection.id() + "\"}"), 404);
        assertProblem(post(ACME_READONLY, "{\"connectionId\":\"" + connection.id() + "\"}"), 403);
        assertProblem(post(ACME_ERP, "{}"), 400);
        assertProblem(post(ACME_ERP, "{\"connectionId\":\"not-a-uuid\"}"), 400);
        assertProblem(
                post(
                        ACME_ERP,
                        "{\"connectionId\":\"" + connection.id() + "\",\"dateFrom\":\""
                                + LocalDate.now(ZoneOffset.UTC).plusDays(1) + "\"}"),
                400);
        assertProblem(
                post(ACME_ERP, "{\"connectionId\":\"" + connection.id() + "\",\"psuIpAddress\":\"example.com\"}"), 400);
        assertProblem(get(null, "/api/banking/sync-jobs"), 401);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    static final String ACME_ERP = "acme-erp";
    static final String ACME_READONLY = "acme-readonly";
    static final String GLOBEX_ERP = "globex-erp";

    record Connected(UUID id, UUID accountId, String consentId, String iban, String resourceId) {}

    /** A consent authorised at the bank, its access token registered as token-vault-service would hold it. */
    Connected connect(String iban) {
        TestSandboxBank.Authorization authorization = BANK.authorize(REDIRECT_URI);
        UUID connectionId = UUID.randomUUID();
        tokens.tokens.put(connectionId, BANK.accessTokenFor(authorization, REDIRECT_URI));
        String resourceId = null;
        for (JsonNode account : JSON.readTree(BANK.get("/sandbox").body()).path("accounts")) {
            if (account.path("iban").asString().equals(iban)) {
                resourceId = account.path("resourceId").asString();
            }
        }
        assertThat(resourceId).as("the sandbox bank has " + iban).isNotNull();
        return new Connected(connectionId, UUID.randomUUID(), authorization.consentId(), iban, resourceId);
    }

    static SyncRequested syncRequested(Connected connection, LocalDate from) {
        return SyncRequested.newBuilder()
                .setMetadata(metadata())
                .setConnectionId(connection.id().toString())
                .setReason(SyncReason.INITIAL)
                .setDateFrom(from)
                .setDateTo(null)
                .setRequestedBy(null)
                .setAccountId(connection.accountId().toString())
                .setProvider("sandbox-bank")
                .setProviderConsentId(connection.consentId())
                .setAccountIban(connection.iban())
                .build();
    }

    static WebhookReceived webhook(String resourceId) {
        return WebhookReceived.newBuilder()
                .setMetadata(metadata())
                .setWebhookId(UUID.randomUUID().toString())
                .setProvider("sandbox-bank")
                .setProviderEventId("msg_" + UUID.randomUUID())
                .setEventType("transactions.available")
                .setReceivedAt(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .setSubjectRef(resourceId)
                .setPayload("{\"type\":\"transactions.available\",\"data\":{\"accountId\":\"" + resourceId + "\"}}")
                .build();
    }

    static EventMetadata metadata() {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .setOrgId(ACME)
                .setCorrelationId("it-" + UUID.randomUUID())
                .setCausationId(null)
                .build();
    }

    static TopicRecords records() {
        ConfluentAvroDeserializer avro = new ConfluentAvroDeserializer();
        avro.configure(Map.of("schema.registry.url", TestRegistry.ccompatUrl()), false);
        return new TopicRecords(
                avro,
                EventTopics.STATEMENT_FETCHED,
                EventTopics.SYNC_JOB_STARTED,
                EventTopics.SYNC_JOB_COMPLETED,
                EventTopics.SYNC_JOB_FAILED);
    }

    JsonNode awaitJob(UUID connectionId, String reason, String status, String client) throws Exception {
        long until = System.nanoTime() + WITHIN.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < until) {
            HttpResponse<String> page = get(client, "/api/banking/sync-jobs?connectionId=" + connectionId);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            for (JsonNode job : JSON.readTree(page.body()).path("items")) {
                if (job.path("reason").asString().equals(reason)) {
                    last = job;
                    if (job.path("status").asString().equals(status)) {
                        return job;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No " + reason + " job " + status + " for " + connectionId + "; last: " + last);
    }

    JsonNode awaitJobById(String id, String status) throws Exception {
        long until = System.nanoTime() + WITHIN.toNanos();
        JsonNode job = null;
        while (System.nanoTime() < until) {
            HttpResponse<String> response = get(ACME_ERP, "/api/banking/sync-jobs/" + id);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            job = JSON.readTree(response.body());
            if (job.path("status").asString().equals(status)) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Job " + id + " is not " + status + ": " + job);
    }

    JsonNode awaitFailureOf(String id) throws Exception {
        long until = System.nanoTime() + WITHIN.toNanos();
        JsonNode job = null;
        while (System.nanoTime() < until) {
            job = JSON.readTree(get(ACME_ERP, "/api/banking/sync-jobs/" + id).body());
            if (!job.path("failure").isMissingNode() && !job.path("failure").isNull()) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Job " + id + " has no failure: " + job);
    }

    HttpResponse<String> get(String client, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (client != null) {
            request.header("Authorization", "Bearer " + TestIssuer.accessToken(client));
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String client, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/banking/sync-jobs"))
                        .header("Authorization", "Bearer " + TestIssuer.accessToken(client))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("type").asString()).isNotBlank();
    }
}
