package io.bankflow.connection.challenges;

import static io.bankflow.connection.testing.Api.ACME_ERP;
import static io.bankflow.connection.testing.Api.ACME_READONLY;
import static io.bankflow.connection.testing.Api.GLOBEX_ERP;
import static io.bankflow.connection.testing.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.connection.challenges.application.ExpireChallenges;
import io.bankflow.connection.schedules.TestConnections;
import io.bankflow.connection.testing.Api;
import io.bankflow.testinfra.ServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two-factor challenges over real HTTP with real tokens against real PostgreSQL: attempts are limited (also when
 * guesses arrive at once), expiry is final, and a planted OTP appears in no answer, log line, table or event.
 */
@ServiceIntegrationTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"bankflow.schedules.scheduler.enabled=false", "bankflow.challenges.expiry.enabled=false"})
@ExtendWith(OutputCaptureExtension.class)
class ChallengesIT {

    static final String ACME = "acme-industries";
    /** Recognisable wherever it might leak: no log line, id or timestamp looks like it. */
    static final String PLANTED_OTP = "Q7PLANTEDOTP42";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ExpireChallenges expireChallenges;

    Api api;
    TestConnections connections;
    final List<HttpResponse<String>> responses = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = new Api(port);
        connections = new TestConnections(jdbc);
    }

    static String path(UUID connectionId) {
        return "/api/banking/connections/" + connectionId + "/challenges";
    }

    HttpResponse<String> post(String client, String path, String json) {
        HttpResponse<String> response = api.postJson(client, path, json);
        responses.add(response);
        return response;
    }

    HttpResponse<String> get(String client, String path) {
        HttpResponse<String> response = api.get(client, path);
        responses.add(response);
        return response;
    }

    String createOtp(UUID connectionId, String otp, String extra) {
        HttpResponse<String> created =
                post(ACME_ERP, path(connectionId), "{\"type\": \"OTP\", \"otp\": \"" + otp + "\"" + extra + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asString();
    }

    HttpResponse<String> verify(UUID connectionId, String challengeId, String otp) {
        return post(ACME_ERP, path(connectionId) + "/" + challengeId + "/verify", "{\"otp\": \"" + otp + "\"}");
    }

    @Test
    void verifiesAnOtpChallengeAndThePlantedCodeLeaksNowhere(CapturedOutput output) {
        TestConnections.Connection connection = connections.create(ACME, "PENDING_CONSENT");

        HttpResponse<String> created = post(
                ACME_ERP,
                path(connection.id()),
                "{\"type\": \"OTP\", \"otp\": \"" + PLANTED_OTP + "\", \"expiresInSeconds\": 120}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode challenge = json(created);
        String id = challenge.get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue(path(connection.id()) + "/" + id);
        assertThat(challenge.get("type").asString()).isEqualTo("OTP");
        assertThat(challenge.get("status").asString()).isEqualTo("PENDING");
        assertThat(challenge.get("attempts").asInt()).isZero();
        assertThat(challenge.get("maxAttempts").asInt()).isEqualTo(3);
        assertThat(challenge.get("attemptsLeft").asInt()).isEqualTo(3);
        assertThat(challenge.has("otp")).isFalse();
        String storedHash = jdbc.sql("SELECT otp_hash FROM two_factor_challenge WHERE id = :id")
                .param("id", UUID.fromString(id))
                .query(String.class)
                .single();
        assertThat(storedHash).startsWith("pbkdf2-sha256$");

        HttpResponse<String> wrong = verify(connection.id(), id, "Q7PLANTEDOTP43");

        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(wrong).get("type").asString()).isEqualTo("https://bankflow.io/problems/otp-rejected");
        assertThat(json(wrong).get("attemptsLeft").asInt()).isEqualTo(2);

        HttpResponse<String> right = verify(connection.id(), id, PLANTED_OTP);

        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
        assertThat(json(right).get("status").asString()).isEqualTo("VERIFIED");
        assertThat(json(right).get("attempts").asInt()).isEqualTo(2);
        assertThat(json(right).get("completedAt").isNull()).isFalse();
        assertThat(jdbc.sql("SELECT otp_hash FROM two_factor_challenge WHERE id = :id")
                        .param("id", UUID.fromString(id))
                        .query(String.class)
                        .optional())
                .as("the hash is erased once the challenge is final")
                .isEmpty();
        HttpResponse<String> again = verify(connection.id(), id, PLANTED_OTP);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("type").asString())
                .isEqualTo("https://bankflow.io/problems/challenge-already-verified");
        assertThat(json(get(ACME_READONLY, path(connection.id()) + "/" + id))
                        .get("status")
                        .asString())
                .isEqualTo("VERIFIED");
        assertThat(get(ACME_READONLY, path(connection.id())).body()).contains(id);

        // The audit trail has each attempt with its outcome and who made it, never the code.
        HttpResponse<String> audit = get(ACME_READONLY, "/api/banking/audit?connectionId=" + connection.id());
        List<String> actions = new ArrayList<>();
        json(audit).get("items").forEach(entry -> {
            actions.add(entry.get("action").asString());
            assertThat(entry.get("actor").asString()).isEqualTo(ACME_ERP);
        });
        assertThat(actions)
                .containsExactly(
                        "challenge-verify-refused",
                        "challenge-verified",
                        "challenge-otp-rejected",
                        "challenge-created");

        // The planted code: in no answer, no log line, no table (text or bytes), no outbox event.
        assertThat(responses).allSatisfy(response -> assertThat(response.body()).doesNotContain(PLANTED_OTP));
        assertThat(responses)
                .allSatisfy(response ->
                        assertThat(response.headers().map().toString()).doesNotContain(PLANTED_OTP));
        assertThat(output.getAll())
                .as("the capture holds the service's log lines about this challenge")
                .contains("Challenge " + id + " of connection " + connection.id() + ": VERIFIED")
                .doesNotContain(PLANTED_OTP)
                .doesNotContain("Q7PLANTEDOTP43");
        assertThat(tablesContaining(PLANTED_OTP)).isEmpty();
        assertThat(outboxPayloadsContaining(PLANTED_OTP)).isZero();
    }

    /** Every table of the database whose rows, as text, contain the value. */
    List<String> tablesContaining(String value) {
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                        + " AND table_type = 'BASE TABLE'")
                .query(String.class)
                .list();
        List<String> containing = new ArrayList<>();
        for (String table : tables) {
            Long hits = jdbc.sql("SELECT count(*) FROM \"" + table + "\" t WHERE t::text LIKE :pattern")
                    .param("pattern", "%" + value + "%")
                    .query(Long.class)
                    .single();
            if (hits > 0) {
                containing.add(table);
            }
        }
        return containing;
    }

    long outboxPayloadsContaining(String value) {
        byte[] needle = value.getBytes(StandardCharsets.UTF_8);
        return jdbc.sql("SELECT payload FROM event_outbox").query(byte[].class).list().stream()
                .filter(payload -> new String(payload, StandardCharsets.ISO_8859_1)
                        .contains(new String(needle, StandardCharsets.ISO_8859_1)))
                .count();
    }

    @Test
    void failsAfterTheLastWrongCodeAndChecksNoCodeAfterwards() {
        TestConnections.Connection connection = connections.create(ACME, "ACTIVE");
        String id = createOtp(connection.id(), "271828", "");

        HttpResponse<String> first = verify(connection.id(), id, "111111");
        HttpResponse<String> second = verify(connection.id(), id, "222222");
        HttpResponse<String> third = verify(connection.id(), id, "333333");
        HttpResponse<String> right = verify(connection.id(), id, "271828");

        assertThat(first.statusCode()).isEqualTo(422);
        assertThat(second.statusCode()).isEqualTo(422);
        assertThat(json(second).get("attemptsLeft").asInt()).isEqualTo(1);
        assertThat(third.statusCode()).isEqualTo(409);
        assertThat(json(third).get("type").asString())
                .isEqualTo("https://bankflow.io/problems/challenge-attempts-exhausted");
        assertThat(json(third).get("status").asInt()).as("RFC 9457 status").isEqualTo(409);
        assertThat(json(third).get("challengeStatus").asString()).isEqualTo("FAILED");
        assertThat(right.statusCode()).as("no code is checked any more").isEqualTo(409);
        assertThat(json(right).get("type").asString())
                .isEqualTo("https://bankflow.io/problems/challenge-attempts-exhausted");
        JsonNode stored = json(get(ACME_ERP, path(connection.id()) + "/" + id));
        assertThat(stored.get("status").asString()).isEqualTo("FAILED");
        assertThat(stored.get("attempts").asInt()).isEqualTo(3);
        assertThat(stored.get("attemptsLeft").asInt()).isZero();
    }

    @Test
    void countsNoMoreAttemptsThanAllowedWhenGuessesArriveAtOnce() throws Exception {
        TestConnections.Connection connection = connections.create(ACME, "ACTIVE");
        String id = createOtp(connection.id(), "314159", ", \"maxAttempts\": 3");
        int guesses = 8;
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        List<Integer> statuses = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                String guess = "00000" + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return verify(connection.id(), id, guess).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> future : futures) {
                statuses.add(future.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses.stream().filter(status -> status == 422)).hasSize(2);
        assertThat(statuses.stream().filter(status -> status == 409)).hasSize(guesses - 2);
        assertThat(jdbc.sql("SELECT attempts, status FROM two_factor_challenge WHERE id = :id")
                        .param("id", UUID.fromString(id))
                        .query()
                        .singleRow())
                .isEqualTo(Map.of("attempts", 3, "status", "FAILED"));
    }

    @Test
    void answersAnExpiredChallengeWith410AndTheJobErasesHashesOfUnfinishedOnes() {
        TestConnections.Connection connection = connections.create(ACME, "ACTIVE");
        String expired = createOtp(connection.id(), "161803", "");
        String forgotten = createOtp(connection.id(), "141421", "");
        jdbc.sql("UPDATE two_factor_challenge SET expires_at = now() - interval '1 second' WHERE id IN (:a, :b)")
                .param("a", UUID.fromString(expired))
                .param("b", UUID.fromString(forgotten))
                .update();

        assertThat(json(get(ACME_ERP, path(connection.id()) + "/" + forgotten))
                        .get("status")
                        .asString())
                .as("shown EXPIRED before the job ran")
                .isEqualTo("EXPIRED");
        HttpResponse<String> late = verify(connection.id(), expired, "161803");

        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(json(late).get("type").asString()).isEqualTo("https://bankflow.io/problems/challenge-expired");
        assertThat(json(late).get("status").asInt()).as("RFC 9457 status").isEqualTo(410);
        assertThat(json(late).get("challengeStatus").asString()).isEqualTo("EXPIRED");
        assertThat(jdbc.sql("SELECT attempts FROM two_factor_challenge WHERE id = :id")
                        .param("id", UUID.fromString(expired))
                        .query(Integer.class)
                        .single())
                .as("an expired challenge counts no attempt")
                .isZero();

        assertThat(expireChallenges.expireDue()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("SELECT status, otp_hash IS NULL AS erased FROM two_factor_challenge WHERE id = :id")
                        .param("id", UUID.fromString(forgotten))
                        .query()
                        .singleRow())
                .isEqualTo(Map.of("status", "EXPIRED", "erased", true));
    }

    @Test
    void recordsTheOutcomeOfPushChallenges() {
        TestConnections.Connection connection = connections.create(ACME, "ACTIVE");
        String approved = json(post(ACME_ERP, path(connection.id()), "{\"type\": \"PUSH\"}"))
                .get("id")
                .asString();
        String denied = json(post(ACME_ERP, path(connection.id()), "{\"type\": \"push\"}"))
                .get("id")
                .asString();

        HttpResponse<String> yes =
                post(ACME_ERP, path(connection.id()) + "/" + approved + "/verify", "{\"approved\": true}");
        HttpResponse<String> no =
                post(ACME_ERP, path(connection.id()) + "/" + denied + "/verify", "{\"approved\": false}");
        HttpResponse<String> withCode =
                post(ACME_ERP, path(connection.id()) + "/" + denied + "/verify", "{\"otp\": \"123456\"}");
        HttpResponse<String> late =
                post(ACME_ERP, path(connection.id()) + "/" + denied + "/verify", "{\"approved\": true}");

        assertThat(yes.statusCode()).isEqualTo(200);
        assertThat(json(yes).get("status").asString()).isEqualTo("VERIFIED");
        assertThat(no.statusCode()).isEqualTo(200);
        assertThat(json(no).get("status").asString()).isEqualTo("FAILED");
        assertThat(withCode.statusCode()).isEqualTo(400);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(json(late).get("type").asString()).isEqualTo("https://bankflow.io/problems/challenge-failed");
    }

    @Test
    void refusesBadInputNamingEveryFieldWithoutEchoingTheCode() {
        TestConnections.Connection connection = connections.create(ACME, "ACTIVE");

        HttpResponse<String> bad = post(
                ACME_ERP,
                path(connection.id()),
                "{\"type\": \"OTP\", \"otp\": \"PLANTED-BAD-SHAPE\", \"maxAttempts\": 9, \"expiresInSeconds\": 86400}");
        HttpResponse<String> noType = post(ACME_ERP, path(connection.id()), "{\"otp\": \"123456\"}");
        HttpResponse<String> pushWithCode =
                post(ACME_ERP, path(connection.id()), "{\"type\": \"PUSH\", \"otp\": \"123456\"}");

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("type").asString()).isEqualTo("https://bankflow.io/problems/validation-failed");
        List<String> fields = new ArrayList<>();
        json(bad).get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("otp", "maxAttempts", "expiresInSeconds");
        assertThat(bad.body()).doesNotContain("PLANTED-BAD-SHAPE");
        assertThat(noType.statusCode()).isEqualTo(400);
        assertThat(pushWithCode.statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM two_factor_challenge WHERE connection_id = :id")
                        .param("id", connection.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void hidesAnotherOrganisationsChallengesAndRefusesCallersWithoutAWriterRole() {
        TestConnections.Connection connection = connections.create(ACME, "ACTIVE");
        String id = createOtp(connection.id(), "577215", "");

        assertThat(get(GLOBEX_ERP, path(connection.id()) + "/" + id).statusCode())
                .isEqualTo(404);
        assertThat(get(GLOBEX_ERP, path(connection.id())).statusCode()).isEqualTo(404);
        assertThat(post(GLOBEX_ERP, path(connection.id()) + "/" + id + "/verify", "{\"otp\": \"577215\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(post(GLOBEX_ERP, path(connection.id()), "{\"type\": \"PUSH\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(post(ACME_READONLY, path(connection.id()) + "/" + id + "/verify", "{\"otp\": \"577215\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(post(ACME_READONLY, path(connection.id()), "{\"type\": \"PUSH\"}")
                        .statusCode())
                .isEqualTo(403);
        TestConnections.Connection revoked = connections.create(ACME, "REVOKED");
        HttpResponse<String> onRevoked = post(ACME_ERP, path(revoked.id()), "{\"type\": \"PUSH\"}");
        assertThat(onRevoked.statusCode()).isEqualTo(409);
        assertThat(json(onRevoked).get("type").asString()).isEqualTo("https://bankflow.io/problems/connection-revoked");
        JsonNode untouched = json(get(ACME_ERP, path(connection.id()) + "/" + id));
        assertThat(untouched.get("status").asString()).isEqualTo("PENDING");
        assertThat(untouched.get("attempts").asInt()).isZero();
    }
}
