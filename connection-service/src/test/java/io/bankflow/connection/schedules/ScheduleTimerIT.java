package io.bankflow.connection.schedules;

import static io.bankflow.connection.testing.Api.ACME_ERP;
import static io.bankflow.connection.testing.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bankflow.connection.testing.Api;
import io.bankflow.events.EventTopics;
import io.bankflow.testinfra.ServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The timers as they run in production, only faster: the schedule timer and the challenge expiry job. */
@ServiceIntegrationTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"bankflow.schedules.scheduler.interval=200ms", "bankflow.challenges.expiry.interval=200ms"})
class ScheduleTimerIT {

    static final String ACME = "acme-industries";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    TestConnections connections;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        connections = new TestConnections(jdbc);
    }

    long scheduledRequests(UUID connectionId) {
        return jdbc.sql("SELECT count(*) FROM event_outbox WHERE topic = :topic AND message_key = :key")
                .param("topic", EventTopics.SYNC_REQUESTED)
                .param("key", connectionId.toString())
                .query(Long.class)
                .single();
    }

    @Test
    void theTimerRequestsADueSlotOnceAndMovesTheScheduleOn() {
        TestConnections.Connection connection = connections.create(ACME, "ACTIVE");
        String path = "/api/banking/connections/" + connection.id() + "/schedule";
        HttpResponse<String> pauseWithoutSchedule = api.postJson(ACME_ERP, path + "/pause", "");
        assertThat(pauseWithoutSchedule.statusCode()).as("no schedule yet").isEqualTo(404);
        // A schedule whose slot came due a second ago (as if written by PUT earlier).
        jdbc.sql("""
                INSERT INTO sync_schedule (connection_id, org_id, frequency, time_of_day, times_per_day, time_zone,
                                           next_run_at, created_at, updated_at)
                VALUES (:id, :org, 'TIMES_PER_DAY', '00:00', 4, 'UTC', :due, now(), now())
                """)
                .param("id", connection.id())
                .param("org", ACME)
                .param("due", Timestamp.from(Instant.now().minusSeconds(1)))
                .update();

        await().atMost(Duration.ofSeconds(20)).until(() -> scheduledRequests(connection.id()) == 1);
        Instant next = jdbc.sql("SELECT next_run_at FROM sync_schedule WHERE connection_id = :id")
                .param("id", connection.id())
                .query(Timestamp.class)
                .single()
                .toInstant();

        assertThat(next).isAfter(Instant.now());
        // Rounds go on every 200 ms: the slot stays requested once throughout.
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> scheduledRequests(connection.id()) == 1);
        assertThat(json(api.get(ACME_ERP, path)).get("quota").get("usedToday").asInt())
                .isEqualTo(1);
    }

    @Test
    void theExpiryJobErasesTheHashOfAChallengeNobodyFinished() {
        TestConnections.Connection connection = connections.create(ACME, "ACTIVE");
        HttpResponse<String> created = api.postJson(
                ACME_ERP,
                "/api/banking/connections/" + connection.id() + "/challenges",
                "{\"type\": \"OTP\", \"otp\": \"918273\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        UUID id = UUID.fromString(json(created).get("id").asString());
        jdbc.sql("UPDATE two_factor_challenge SET expires_at = now() - interval '1 second' WHERE id = :id")
                .param("id", id)
                .update();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("SELECT status, otp_hash IS NULL AS erased FROM two_factor_challenge"
                                + " WHERE id = :id")
                        .param("id", id)
                        .query()
                        .singleRow()
                        .equals(Map.of("status", "EXPIRED", "erased", true)));
    }
}
