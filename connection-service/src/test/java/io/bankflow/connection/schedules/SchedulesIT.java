package io.bankflow.connection.schedules;

import static io.bankflow.connection.testing.Api.ACME_ERP;
import static io.bankflow.connection.testing.Api.ACME_READONLY;
import static io.bankflow.connection.testing.Api.GLOBEX_ERP;
import static io.bankflow.connection.testing.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.avroserde.ConfluentAvroDeserializer;
import io.bankflow.connection.ConnectionApplication;
import io.bankflow.connection.schedules.application.RunDueSchedules;
import io.bankflow.connection.testing.Api;
import io.bankflow.events.EventTopics;
import io.bankflow.events.sync.SyncReason;
import io.bankflow.events.sync.SyncRequested;
import io.bankflow.testinfra.ServiceIntegrationTest;
import io.bankflow.testinfra.TestDatabase;
import io.bankflow.testinfra.TestIssuer;
import io.bankflow.testinfra.TopicRecords;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Sync schedules over real HTTP with real tokens, and the scheduler against real PostgreSQL, Kafka and registry: each
 * due slot is requested once, even by two instances at once and across a restart; the quota is never exceeded. The
 * timer is off: the tests run rounds at the moments they choose.
 */
@ServiceIntegrationTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"bankflow.schedules.scheduler.enabled=false", "bankflow.challenges.expiry.enabled=false"})
class SchedulesIT {

    static final String ACME = "acme-industries";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RunDueSchedules runDueSchedules;

    @Autowired
    TestDatabase database;

    @Autowired
    Environment environment;

    Api api;
    TestConnections connections;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        api = new Api(port);
        connections = new TestConnections(jdbc);
        // Rounds serve every schedule in the database: earlier tests' schedules are paused so each test's rounds see
        // only its own.
        jdbc.sql("UPDATE sync_schedule SET paused = true").update();
    }

    static String path(UUID connectionId) {
        return "/api/banking/connections/" + connectionId + "/schedule";
    }

    HttpResponse<String> put(int port, String client, String path, String json) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .header("Authorization", "Bearer " + TestIssuer.accessToken(client))
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> put(String client, String path, String json) {
        return put(port, client, path, json);
    }

    UUID activeConnectionWithSchedule(String schedule) {
        UUID id = connections.create(ACME, "ACTIVE").id();
        HttpResponse<String> created = put(ACME_ERP, path(id), schedule);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return id;
    }

    Instant nextRunAt(UUID connectionId) {
        return jdbc.sql("SELECT next_run_at FROM sync_schedule WHERE connection_id = :id")
                .param("id", connectionId)
                .query(Timestamp.class)
                .single()
                .toInstant();
    }

    int quotaUsed(UUID connectionId, LocalDate day) {
        return jdbc.sql(
                        "SELECT coalesce(sum(used), 0) FROM sync_quota_usage WHERE connection_id = :id AND quota_day = :day")
                .param("id", connectionId)
                .param("day", day)
                .query(Integer.class)
                .single();
    }

    List<byte[]> scheduledRequestsInOutbox(UUID connectionId) {
        return jdbc.sql("SELECT payload FROM event_outbox WHERE topic = :topic AND message_key = :key ORDER BY id")
                .param("topic", EventTopics.SYNC_REQUESTED)
                .param("key", connectionId.toString())
                .query(byte[].class)
                .list();
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

    SyncRequested decode(byte[] payload) {
        try (ConfluentAvroDeserializer deserializer = deserializer()) {
            return (SyncRequested) deserializer.deserialize(EventTopics.SYNC_REQUESTED, payload);
        }
    }

    @Test
    void setsReadsPausesAndResumesAScheduleShowingTheNextSyncAndTheQuota() {
        UUID id = connections.create(ACME, "ACTIVE").id();

        HttpResponse<String> created = put(
                ACME_ERP, path(id), "{\"frequency\": \"DAILY\", \"time\": \"06:30\", \"timeZone\": \"Europe/Oslo\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode schedule = json(created);
        assertThat(schedule.get("connectionId").asString()).isEqualTo(id.toString());
        assertThat(schedule.get("frequency").asString()).isEqualTo("DAILY");
        assertThat(schedule.get("time").asString()).isEqualTo("06:30");
        assertThat(schedule.get("timeZone").asString()).isEqualTo("Europe/Oslo");
        assertThat(schedule.get("paused").asBoolean()).isFalse();
        Instant nextSyncAt = Instant.parse(schedule.get("nextSyncAt").asString());
        assertThat(nextSyncAt).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofHours(25)));
        assertThat(nextSyncAt.atZone(java.time.ZoneId.of("Europe/Oslo")).toLocalTime())
                .isEqualTo(java.time.LocalTime.of(6, 30));
        assertThat(schedule.get("quota").get("limit").asInt()).isEqualTo(4);
        assertThat(schedule.get("quota").get("usedToday").asInt()).isZero();
        assertThat(Instant.parse(schedule.get("quota").get("resetsAt").asString()))
                .isEqualTo(LocalDate.now(ZoneOffset.UTC)
                        .plusDays(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant());

        HttpResponse<String> replaced = put(
                ACME_ERP,
                path(id),
                "{\"frequency\": \"WEEKLY\", \"dayOfWeek\": \"monday\", \"time\": \"07:00\", \"timeZone\": \"UTC\"}");
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(json(replaced).get("dayOfWeek").asString()).isEqualTo("MONDAY");
        assertThat(Instant.parse(json(replaced).get("nextSyncAt").asString())
                        .atZone(ZoneOffset.UTC)
                        .getDayOfWeek())
                .isEqualTo(java.time.DayOfWeek.MONDAY);

        HttpResponse<String> paused = api.postJson(ACME_ERP, path(id) + "/pause", "");
        assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
        assertThat(json(paused).get("paused").asBoolean()).isTrue();
        assertThat(json(paused).get("nextSyncAt").isNull()).isTrue();
        assertThat(json(api.get(ACME_READONLY, path(id))).get("paused").asBoolean())
                .isTrue();

        HttpResponse<String> resumed = api.postJson(ACME_ERP, path(id) + "/resume", "");
        assertThat(resumed.statusCode()).isEqualTo(200);
        assertThat(json(resumed).get("paused").asBoolean()).isFalse();
        assertThat(json(resumed).get("nextSyncAt").isNull()).isFalse();

        // Every change is in the audit trail with the client that made it.
        JsonNode audit = json(api.get(ACME_READONLY, "/api/banking/audit?connectionId=" + id));
        List<String> actions = new ArrayList<>();
        audit.get("items").forEach(entry -> {
            actions.add(entry.get("action").asString());
            assertThat(entry.get("actor").asString()).isEqualTo(ACME_ERP);
            assertThat(entry.get("occurredAt").asString()).isNotBlank();
        });
        assertThat(actions)
                .containsExactly("schedule-resumed", "schedule-paused", "schedule-changed", "schedule-created");

        // In pages, by cursor.
        JsonNode firstPage = json(api.get(ACME_ERP, "/api/banking/audit?limit=2&connectionId=" + id));
        assertThat(firstPage.get("items")).hasSize(2);
        JsonNode secondPage = json(api.get(
                ACME_ERP,
                "/api/banking/audit?limit=2&connectionId=" + id + "&cursor="
                        + firstPage.get("nextCursor").asString()));
        assertThat(secondPage.get("items")).hasSize(2);
        assertThat(secondPage.get("items").get(1).get("action").asString()).isEqualTo("schedule-created");
        assertThat(secondPage.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void refusesFiveTimesADayForAPsd2ProviderAndNamesEveryWrongField() {
        UUID id = connections.create(ACME, "ACTIVE").id();

        HttpResponse<String> tooOften =
                put(ACME_ERP, path(id), "{\"frequency\": \"TIMES_PER_DAY\", \"timesPerDay\": 5}");
        HttpResponse<String> nonsense = put(
                ACME_ERP,
                path(id),
                "{\"frequency\": \"HOURLY\", \"time\": \"25:00\", \"dayOfWeek\": \"FUNDAY\","
                        + " \"timeZone\": \"Mars/Olympus\"}");
        HttpResponse<String> misfit =
                put(ACME_ERP, path(id), "{\"frequency\": \"MONTHLY\", \"time\": \"08:00\", \"dayOfWeek\": \"MONDAY\"}");

        assertThat(tooOften.statusCode()).isEqualTo(400);
        assertThat(tooOften.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(tooOften).get("type").asString()).isEqualTo("https://bankflow.io/problems/validation-failed");
        assertThat(fields(tooOften)).containsExactly("timesPerDay");
        assertThat(json(tooOften).get("detail").asString()).contains("between 1 and 4", "sandbox-bank");
        assertThat(nonsense.statusCode()).isEqualTo(400);
        assertThat(fields(nonsense)).containsExactlyInAnyOrder("frequency", "time", "dayOfWeek", "timeZone");
        assertThat(misfit.statusCode()).isEqualTo(400);
        assertThat(fields(misfit)).containsExactlyInAnyOrder("dayOfWeek", "dayOfMonth");
        assertThat(jdbc.sql("SELECT count(*) FROM sync_schedule WHERE connection_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(put(ACME_ERP, path(id), "{\"frequency\": \"TIMES_PER_DAY\", \"timesPerDay\": 4}")
                        .statusCode())
                .isEqualTo(201);
    }

    static List<String> fields(HttpResponse<String> problem) {
        List<String> fields = new ArrayList<>();
        json(problem)
                .get("errors")
                .forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    @Test
    void hidesAnotherOrganisationsConnectionAndRefusesCallersWithoutAWriterRole() {
        UUID id = activeConnectionWithSchedule("{\"frequency\": \"DAILY\", \"time\": \"06:00\"}");

        assertThat(api.get(GLOBEX_ERP, path(id)).statusCode()).isEqualTo(404);
        assertThat(put(GLOBEX_ERP, path(id), "{\"frequency\": \"DAILY\", \"time\": \"07:00\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.postJson(GLOBEX_ERP, path(id) + "/pause", "").statusCode())
                .isEqualTo(404);
        assertThat(api.get(ACME_ERP, path(UUID.randomUUID())).statusCode()).isEqualTo(404);
        HttpResponse<String> readonly = put(ACME_READONLY, path(id), "{\"frequency\": \"DAILY\", \"time\": \"07:00\"}");
        assertThat(readonly.statusCode()).isEqualTo(403);
        assertThat(api.postJson(ACME_READONLY, path(id) + "/pause", "").statusCode())
                .isEqualTo(403);
        assertThat(json(api.get(ACME_ERP, path(id))).get("time").asString()).isEqualTo("06:00");
        assertThat(json(api.get(ACME_ERP, path(id))).get("paused").asBoolean()).isFalse();
        assertThat(api.get(GLOBEX_ERP, "/api/banking/audit?connectionId=" + id).body())
                .doesNotContain(id.toString());

        UUID revoked = connections.create(ACME, "REVOKED").id();
        HttpResponse<String> onRevoked =
                put(ACME_ERP, path(revoked), "{\"frequency\": \"DAILY\", \"time\": \"07:00\"}");
        assertThat(onRevoked.statusCode()).isEqualTo(409);
        assertThat(json(onRevoked).get("type").asString()).isEqualTo("https://bankflow.io/problems/connection-revoked");

        UUID withoutSchedule = connections.create(ACME, "ACTIVE").id();
        HttpResponse<String> none = api.get(ACME_ERP, path(withoutSchedule));
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(json(none).get("detail").asString()).contains("has no sync schedule");
    }

    @Test
    void requestsADueSlotOnceWhenRoundsRunAtOnceAndPublishesSyncRequestedScheduled() throws Exception {
        TestConnections.Connection connection = connections.create(ACME, "ACTIVE");
        put(ACME_ERP, path(connection.id()), "{\"frequency\": \"TIMES_PER_DAY\", \"timesPerDay\": 4}");
        Instant due = nextRunAt(connection.id());

        // Four rounds at the same moment, as four instances' timers would: the row lock lets one take the slot.
        List<RunDueSchedules.Round> rounds = concurrently(4, () -> runDueSchedules.runDue(due.plusSeconds(1)));

        assertThat(scheduledRequestsInOutbox(connection.id())).hasSize(1);
        SyncRequested request =
                decode(scheduledRequestsInOutbox(connection.id()).getFirst());
        assertThat(request.getReason()).isEqualTo(SyncReason.SCHEDULED);
        assertThat(request.getConnectionId()).isEqualTo(connection.id().toString());
        assertThat(request.getAccountId()).isEqualTo(connection.accountId().toString());
        assertThat(request.getProvider()).isEqualTo("sandbox-bank");
        assertThat(request.getProviderConsentId()).isEqualTo(connection.consentId());
        assertThat(request.getAccountIban()).isEqualTo(connection.iban().value());
        assertThat(request.getMetadata().getOrgId()).isEqualTo(ACME);
        assertThat(request.getRequestedBy()).isNull();
        assertThat(rounds.stream().mapToInt(RunDueSchedules.Round::requested).sum())
                .isEqualTo(1);
        assertThat(quotaUsed(connection.id(), LocalDate.ofInstant(due, ZoneOffset.UTC)))
                .isEqualTo(1);
        assertThat(nextRunAt(connection.id())).isEqualTo(due.plus(Duration.ofHours(6)));
        assertThat(jdbc.sql("SELECT last_run_at FROM sync_schedule WHERE connection_id = :id")
                        .param("id", connection.id())
                        .query(Timestamp.class)
                        .single()
                        .toInstant())
                .isEqualTo(due.plusSeconds(1));

        // The same moment again: the slot is gone.
        runDueSchedules.runDue(due.plusSeconds(1));
        assertThat(scheduledRequestsInOutbox(connection.id())).hasSize(1);

        // And it reaches Kafka once, read the way sync-service reads it.
        try (TopicRecords topic = new TopicRecords(deserializer(), EventTopics.SYNC_REQUESTED)) {
            List<ConsumerRecord<String, byte[]>> records =
                    topic.await(EventTopics.SYNC_REQUESTED, connection.id().toString(), 1, Duration.ofSeconds(30));
            records = topic.readFor(EventTopics.SYNC_REQUESTED, connection.id().toString(), Duration.ofSeconds(2));
            assertThat(records).hasSize(1);
            assertThat(topic.decode(records.getFirst(), SyncRequested.class).getReason())
                    .isEqualTo(SyncReason.SCHEDULED);
        }
    }

    @Test
    void neverExceedsTheProvidersDailyQuotaAndGoesOnAfterItsReset() {
        TestConnections.Connection connection = connections.create(ACME, "ACTIVE");
        // Four slots a day (00:00, 06:00, 12:00, 18:00 UTC); three reads already used that day (e.g. before the
        // schedule was changed). The rounds run at moments of a day the test chooses.
        put(ACME_ERP, path(connection.id()), "{\"frequency\": \"TIMES_PER_DAY\", \"timesPerDay\": 4}");
        LocalDate day = LocalDate.of(2030, 6, 10);
        Instant morning = Instant.parse("2030-06-10T06:00:00Z");
        jdbc.sql("UPDATE sync_schedule SET next_run_at = :at WHERE connection_id = :id")
                .param("at", Timestamp.from(morning))
                .param("id", connection.id())
                .update();
        jdbc.sql("INSERT INTO sync_quota_usage (connection_id, quota_day, org_id, used) VALUES (:id, :day, :org, 3)")
                .param("id", connection.id())
                .param("day", day)
                .param("org", ACME)
                .update();

        RunDueSchedules.Round fourth = runDueSchedules.runDue(morning);

        assertThat(fourth.requested()).isEqualTo(1);
        assertThat(quotaUsed(connection.id(), day)).isEqualTo(4);
        assertThat(nextRunAt(connection.id())).isEqualTo(Instant.parse("2030-06-10T12:00:00Z"));

        RunDueSchedules.Round fifth = runDueSchedules.runDue(Instant.parse("2030-06-10T12:00:00Z"));

        assertThat(fifth.requested()).isZero();
        assertThat(fifth.skippedQuota()).isEqualTo(1);
        assertThat(quotaUsed(connection.id(), day)).isEqualTo(4);
        assertThat(nextRunAt(connection.id()))
                .as("the 18:00 slot is skipped too: on to the first slot after the reset")
                .isEqualTo(Instant.parse("2030-06-11T00:00:00Z"));
        assertThat(scheduledRequestsInOutbox(connection.id())).hasSize(1);

        RunDueSchedules.Round nextDay = runDueSchedules.runDue(Instant.parse("2030-06-11T00:00:00Z"));

        assertThat(nextDay.requested()).isEqualTo(1);
        assertThat(quotaUsed(connection.id(), day.plusDays(1))).isEqualTo(1);
        assertThat(scheduledRequestsInOutbox(connection.id())).hasSize(2);
    }

    @Test
    void showsTheFirstSlotAfterTheResetWhenTodaysQuotaIsUsedUp() {
        TestConnections.Connection connection = connections.create(ACME, "ACTIVE");
        put(ACME_ERP, path(connection.id()), "{\"frequency\": \"TIMES_PER_DAY\", \"timesPerDay\": 4}");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO sync_quota_usage (connection_id, quota_day, org_id, used) VALUES (:id, :day, :org, 4)")
                .param("id", connection.id())
                .param("day", today)
                .param("org", ACME)
                .update();

        JsonNode schedule = json(api.get(ACME_ERP, path(connection.id())));

        assertThat(schedule.get("quota").get("usedToday").asInt()).isEqualTo(4);
        Instant resetsAt = Instant.parse(schedule.get("quota").get("resetsAt").asString());
        assertThat(resetsAt)
                .isEqualTo(today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(Instant.parse(schedule.get("nextSyncAt").asString())).isEqualTo(resetsAt);
    }

    @Test
    void requestsNothingForAPausedScheduleOrAConnectionThatIsNotUsable() {
        TestConnections.Connection paused = connections.create(ACME, "ACTIVE");
        put(ACME_ERP, path(paused.id()), "{\"frequency\": \"DAILY\", \"time\": \"03:00\"}");
        Instant pausedDue = nextRunAt(paused.id());
        api.postJson(ACME_ERP, path(paused.id()) + "/pause", "");
        TestConnections.Connection expired = connections.create(ACME, "ACTIVE");
        put(ACME_ERP, path(expired.id()), "{\"frequency\": \"DAILY\", \"time\": \"03:00\"}");
        Instant expiredDue = nextRunAt(expired.id());
        connections.setStatus(expired.id(), "EXPIRED");

        runDueSchedules.runDue(pausedDue.plusSeconds(1));
        runDueSchedules.runDue(expiredDue.plusSeconds(1));

        assertThat(scheduledRequestsInOutbox(paused.id())).isEmpty();
        assertThat(nextRunAt(paused.id())).as("untouched while paused").isEqualTo(pausedDue);
        assertThat(scheduledRequestsInOutbox(expired.id())).isEmpty();
        assertThat(nextRunAt(expired.id())).as("on to the next slot").isEqualTo(expiredDue.plus(Duration.ofDays(1)));
        assertThat(quotaUsed(expired.id(), LocalDate.ofInstant(expiredDue, ZoneOffset.UTC)))
                .isZero();
        assertThat(json(api.get(ACME_ERP, path(expired.id()))).get("nextSyncAt").isNull())
                .as("no sync while the connection is not usable")
                .isTrue();
    }

    @Test
    void keepsSchedulesAndQuotaAcrossARestartAndTwoInstancesStillRequestASlotOnce() throws Exception {
        TestConnections.Connection connection = connections.create(ACME, "ACTIVE");
        put(ACME_ERP, path(connection.id()), "{\"frequency\": \"TIMES_PER_DAY\", \"timesPerDay\": 4}");
        Instant first = nextRunAt(connection.id());
        runDueSchedules.runDue(first);
        Instant second = nextRunAt(connection.id());
        LocalDate firstDay = LocalDate.ofInstant(first, ZoneOffset.UTC);

        // A second instance of the service, started afresh on the same database: what it knows comes from there.
        try (ConfigurableApplicationContext restarted = secondInstance()) {
            int restartedPort = Integer.parseInt(restarted.getEnvironment().getRequiredProperty("local.server.port"));
            RunDueSchedules restartedRounds = restarted.getBean(RunDueSchedules.class);

            HttpResponse<String> read = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + restartedPort + path(connection.id())))
                                    .header("Authorization", "Bearer " + TestIssuer.accessToken(ACME_ERP))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(Instant.parse(json(read).get("nextSyncAt").asString())).isEqualTo(second);

            // The slot the first instance ran is not run again after the restart.
            assertThat(restartedRounds.runDue(first).requested()).isZero();
            assertThat(scheduledRequestsInOutbox(connection.id())).hasSize(1);

            // The next slot, with both instances running a round at the same moment: one request.
            List<RunDueSchedules.Round> rounds = concurrently(
                    2, List.of(() -> runDueSchedules.runDue(second), () -> restartedRounds.runDue(second)));
            assertThat(rounds.stream()
                            .mapToInt(RunDueSchedules.Round::requested)
                            .sum())
                    .isEqualTo(1);
            assertThat(scheduledRequestsInOutbox(connection.id())).hasSize(2);
            LocalDate secondDay = LocalDate.ofInstant(second, ZoneOffset.UTC);
            assertThat(quotaUsed(connection.id(), firstDay)
                            + (secondDay.equals(firstDay) ? 0 : quotaUsed(connection.id(), secondDay)))
                    .as("the quota counted across the restart")
                    .isEqualTo(2);
        }
    }

    /** The service again, as another instance: same database, broker, registry and issuer, its own port. */
    ConfigurableApplicationContext secondInstance() {
        return new SpringApplicationBuilder(ConnectionApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + database.jdbcUrl(),
                        "--spring.datasource.username=" + database.user(),
                        "--spring.datasource.password=" + database.password(),
                        "--spring.datasource.hikari.maximum-pool-size=3",
                        "--spring.kafka.bootstrap-servers="
                                + environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                        "--spring.kafka.properties.schema.registry.url="
                                + environment.getRequiredProperty("spring.kafka.properties.schema.registry.url"),
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri="
                                + environment.getRequiredProperty(
                                        "spring.security.oauth2.resourceserver.jwt.issuer-uri"),
                        "--bankflow.schedules.scheduler.enabled=false",
                        "--bankflow.challenges.expiry.enabled=false");
    }

    static <T> List<T> concurrently(int n, Callable<T> task) throws Exception {
        List<Callable<T>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(task);
        }
        return concurrently(n, tasks);
    }

    /** Runs the tasks on threads of their own, released together. */
    static <T> List<T> concurrently(int n, List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
