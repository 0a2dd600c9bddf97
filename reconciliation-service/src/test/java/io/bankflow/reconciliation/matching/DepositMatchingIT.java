package io.bankflow.reconciliation.matching;

import static io.bankflow.reconciliation.testing.Api.ACME_ERP;
import static io.bankflow.reconciliation.testing.Api.ACME_READONLY;
import static io.bankflow.reconciliation.testing.Api.GLOBEX_ERP;
import static io.bankflow.reconciliation.testing.Api.json;
import static io.bankflow.reconciliation.testing.Statements.again;
import static io.bankflow.reconciliation.testing.Statements.booked;
import static io.bankflow.reconciliation.testing.Statements.pending;
import static io.bankflow.reconciliation.testing.Statements.statementFetched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bankflow.avroserde.ConfluentAvroDeserializer;
import io.bankflow.events.EventTopics;
import io.bankflow.events.reconciliation.DepositMatched;
import io.bankflow.events.reconciliation.DepositUnmatched;
import io.bankflow.events.reconciliation.MatchMethod;
import io.bankflow.events.reconciliation.UnmatchedReason;
import io.bankflow.events.sync.StatementFetched;
import io.bankflow.events.sync.StatementLine;
import io.bankflow.reconciliation.testing.Api;
import io.bankflow.reconciliation.testing.Codes;
import io.bankflow.testinfra.ServiceIntegrationTest;
import io.bankflow.testinfra.TestRegistry;
import io.bankflow.testinfra.TopicRecords;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The first deposit end to end: StatementFetched from the real broker (Avro through the real registry) is matched
 * against expected payments created through the API; DepositMatched and DepositUnmatched leave through the outbox;
 * the unmatched credit waits in the review queue of its organisation only; a redelivery changes nothing.
 */
@ServiceIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DepositMatchingIT {

    static final Duration WITHIN = Duration.ofSeconds(45);
    static final String ACME = "acme-industries";
    static final String CONSUMER = "reconciliation-statement-matching";

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    @Test
    void matchesTheKnownCreditQueuesTheUnknownOneAndIgnoresTheDebitAndThePendingLine() throws Exception {
        String code = Codes.fresh();
        String expectedPaymentId = createExpectedPayment(ACME_ERP, code);
        String account = UUID.randomUUID().toString();
        String correlation = "it-" + UUID.randomUUID();
        String unknownCode = Codes.fresh();
        StatementLine known = booked("125.50", "Faktura 77 " + Codes.spaced(code) + " takk");
        StatementLine unknown = booked("80.00", "payment " + unknownCode);
        StatementLine debit = booked("-40.00", "refund " + code);
        StatementLine waiting = pending("10.00", "deposit " + code);
        StatementFetched event = statementFetched(ACME, account, correlation, List.of(known, unknown, debit, waiting));
        double matchedBefore = counter("bankflow.deposits.matched", "method", "customer_code");
        double pendingBefore = counter("bankflow.deposits.skipped", "reason", "pending");

        kafka.send(EventTopics.STATEMENT_FETCHED, account, event).get();

        try (TopicRecords records = records(EventTopics.DEPOSIT_MATCHED, EventTopics.DEPOSIT_UNMATCHED)) {
            ConsumerRecord<String, byte[]> matchedRecord = records.await(
                            EventTopics.DEPOSIT_MATCHED, account, 1, WITHIN)
                    .getFirst();
            ConsumerRecord<String, byte[]> unmatchedRecord = records.await(
                            EventTopics.DEPOSIT_UNMATCHED, account, 1, WITHIN)
                    .getFirst();
            assertThat(matchedRecord.value()[0]).as("Confluent magic byte").isZero();

            DepositMatched matched = records.decode(matchedRecord, DepositMatched.class);
            assertThat(matched.getMetadata().getOrgId()).isEqualTo(ACME);
            assertThat(matched.getMetadata().getCorrelationId()).isEqualTo(correlation);
            assertThat(matched.getMetadata().getCausationId())
                    .isEqualTo(event.getMetadata().getEventId().toString());
            assertThat(matched.getStatementLineId()).isEqualTo(known.getLineId());
            assertThat(matched.getAccountId()).isEqualTo(account);
            assertThat(matched.getAmount().getAmount()).isEqualTo(new BigDecimal("125.500000"));
            assertThat(matched.getAmount().getCurrency()).isEqualTo("EUR");
            assertThat(matched.getCustomerCode()).isEqualTo(code);
            assertThat(matched.getMatchMethod()).isEqualTo(MatchMethod.CUSTOMER_CODE);
            assertThat(matched.getExpectedPaymentId()).isEqualTo(expectedPaymentId);
            assertThat(matched.getBookingDate()).isEqualTo(LocalDate.of(2026, 11, 20));

            DepositUnmatched unmatched = records.decode(unmatchedRecord, DepositUnmatched.class);
            assertThat(unmatched.getMetadata().getCorrelationId()).isEqualTo(correlation);
            assertThat(unmatched.getMetadata().getCausationId())
                    .isEqualTo(event.getMetadata().getEventId().toString());
            assertThat(unmatched.getStatementLineId()).isEqualTo(unknown.getLineId());
            assertThat(unmatched.getReason()).isEqualTo(UnmatchedReason.UNKNOWN_REFERENCE);
            assertThat(unmatched.getAmount().getAmount()).isEqualTo(new BigDecimal("80.000000"));

            // The review queue shows the unmatched credit to acme, with its line details.
            JsonNode item = reviewItemOf(ACME_READONLY, unknown.getLineId());
            assertThat(item.get("id").asString()).isEqualTo(unmatched.getReviewItemId());
            assertThat(item.get("status").asString()).isEqualTo("OPEN");
            assertThat(item.get("reason").asString()).isEqualTo("UNKNOWN_CUSTOMER_CODE");
            assertThat(item.get("foundCustomerCodes").get(0).asString()).isEqualTo(unknownCode);
            assertThat(item.get("amount").get("amount").asString()).isEqualTo("80.00");
            assertThat(item.get("amount").get("currency").asString()).isEqualTo("EUR");
            assertThat(item.get("bookingDate").asString()).isEqualTo("2026-11-20");
            assertThat(item.get("counterpartyName").asString()).isEqualTo("Payer AS");
            assertThat(item.get("remittanceInformation").asString()).isEqualTo("payment " + unknownCode);
            assertThat(json(api.get(
                                    ACME_READONLY,
                                    "/api/banking/review-queue/"
                                            + item.get("id").asString()))
                            .get("statementLineId")
                            .asString())
                    .isEqualTo(unknown.getLineId());
            // ... and nothing to globex, not even by id.
            assertThat(api.get(GLOBEX_ERP, "/api/banking/review-queue?limit=100")
                            .body())
                    .doesNotContain(unknown.getLineId());
            assertThat(api.get(
                                    GLOBEX_ERP,
                                    "/api/banking/review-queue/"
                                            + item.get("id").asString())
                            .statusCode())
                    .isEqualTo(404);

            // The match is readable by account.
            JsonNode matches = json(api.get(ACME_READONLY, "/api/banking/reconciliation/matches?accountId=" + account));
            assertThat(matches.get("items")).hasSize(1);
            assertThat(matches.get("items").get(0).get("customerCode").asString())
                    .isEqualTo(code);
            assertThat(matches.get("items").get(0).get("method").asString()).isEqualTo("CUSTOMER_CODE");
            assertThat(json(api.get(GLOBEX_ERP, "/api/banking/reconciliation/matches?accountId=" + account))
                            .get("items"))
                    .isEmpty();

            // Debits and pending lines leave no trace.
            assertThat(rows("deposit_match", account)).isEqualTo(1);
            assertThat(rows("review_item", account)).isEqualTo(1);
            assertThat(counter("bankflow.deposits.matched", "method", "customer_code"))
                    .isEqualTo(matchedBefore + 1);
            assertThat(counter("bankflow.deposits.skipped", "reason", "pending"))
                    .isEqualTo(pendingBefore + 1);

            // The same event again, and the same lines in a new event: no new rows, no new events.
            double duplicatesBefore = consumed("duplicate");
            double processedBefore = consumed("processed");
            kafka.send(EventTopics.STATEMENT_FETCHED, account, event).get();
            kafka.send(EventTopics.STATEMENT_FETCHED, account, again(event)).get();
            await().atMost(WITHIN).untilAsserted(() -> {
                assertThat(consumed("duplicate")).isEqualTo(duplicatesBefore + 1);
                assertThat(consumed("processed")).isEqualTo(processedBefore + 1);
            });
            assertThat(rows("deposit_match", account)).isEqualTo(1);
            assertThat(rows("review_item", account)).isEqualTo(1);
            assertThat(jdbc.sql("SELECT count(*) FROM event_outbox WHERE message_key = :account")
                            .param("account", account)
                            .query(Long.class)
                            .single())
                    .isEqualTo(2);
            assertThat(records.readFor(EventTopics.DEPOSIT_MATCHED, account, Duration.ofSeconds(2)))
                    .hasSize(1);
            assertThat(records.readFor(EventTopics.DEPOSIT_UNMATCHED, account, Duration.ofMillis(500)))
                    .hasSize(1);
        }
    }

    @Test
    void aPersonMatchesAQueuedCreditToACustomerAndDepositMatchedIsPublished() throws Exception {
        String account = UUID.randomUUID().toString();
        StatementLine anonymous = booked("300.00", "thanks for everything");
        kafka.send(
                        EventTopics.STATEMENT_FETCHED,
                        account,
                        statementFetched(ACME, account, "it-manual", List.of(anonymous)))
                .get();
        String itemId = await().atMost(WITHIN)
                .until(() -> reviewItemOf(ACME_ERP, anonymous.getLineId()), item -> item != null)
                .get("id")
                .asString();
        assertThat(json(api.get(ACME_ERP, "/api/banking/review-queue/" + itemId))
                        .get("reason")
                        .asString())
                .isEqualTo("NO_REFERENCE");
        String code = Codes.fresh();
        String path = "/api/banking/review-queue/" + itemId + "/match";

        assertThat(api.postJson(ACME_ERP, path, "{\"customerCode\": \"" + code + "\"}")
                        .statusCode())
                .as("no expected payment for the code yet")
                .isEqualTo(422);
        String expectedPaymentId = createExpectedPayment(ACME_ERP, code);
        assertThat(api.postJson(ACME_READONLY, path, "{\"customerCode\": \"" + code + "\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.postJson(GLOBEX_ERP, path, "{\"customerCode\": \"" + code + "\"}")
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> response = api.postJson(ACME_ERP, path, "{\"customerCode\": \"" + code + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode match = json(response);
        assertThat(match.get("method").asString()).isEqualTo("MANUAL");
        assertThat(match.get("reviewItemId").asString()).isEqualTo(itemId);
        assertThat(match.get("matchedBy").asString()).isEqualTo(ACME_ERP);
        JsonNode item = json(api.get(ACME_ERP, "/api/banking/review-queue/" + itemId));
        assertThat(item.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(item.get("resolvedMatchId").asString())
                .isEqualTo(match.get("id").asString());
        assertThat(api.get(ACME_ERP, "/api/banking/review-queue?status=OPEN&limit=100")
                        .body())
                .doesNotContain(itemId);
        assertThat(api.postJson(ACME_ERP, path, "{\"customerCode\": \"" + code + "\"}")
                        .statusCode())
                .isEqualTo(409);
        try (TopicRecords records = records(EventTopics.DEPOSIT_MATCHED)) {
            DepositMatched matched = records.decode(
                    records.await(EventTopics.DEPOSIT_MATCHED, account, 1, WITHIN)
                            .getFirst(),
                    DepositMatched.class);
            assertThat(matched.getMatchMethod()).isEqualTo(MatchMethod.MANUAL);
            assertThat(matched.getMatchId()).isEqualTo(match.get("id").asString());
            assertThat(matched.getCustomerCode()).isEqualTo(code);
            assertThat(matched.getExpectedPaymentId()).isEqualTo(expectedPaymentId);
            assertThat(matched.getStatementLineId()).isEqualTo(anonymous.getLineId());
        }
    }

    @Test
    void exposesTheMatchingMetersToPrometheus() {
        String metrics = api.get(ACME_ERP, "/actuator/prometheus").body();

        assertThat(metrics)
                .contains(
                        "bankflow_deposits_matched_total{application=\"reconciliation-service\",method=\"customer_code\"}")
                .contains(
                        "bankflow_deposits_unmatched_total{application=\"reconciliation-service\",reason=\"ambiguous\"}")
                .contains("bankflow_review_queue_open{application=\"reconciliation-service\"}");
    }

    private String createExpectedPayment(String client, String code) {
        HttpResponse<String> response =
                api.postJson(client, "/api/banking/expected-payments", "{\"customerCode\": \"" + code + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("id").asString();
    }

    /** The open review item of a statement line, or null when the queue does not show it (yet). */
    private JsonNode reviewItemOf(String client, String lineId) {
        String cursor = null;
        do {
            JsonNode page = json(api.get(
                    client,
                    "/api/banking/review-queue?status=OPEN&limit=100" + (cursor == null ? "" : "&cursor=" + cursor)));
            for (JsonNode item : page.get("items")) {
                if (item.get("statementLineId").asString().equals(lineId)) {
                    return item;
                }
            }
            JsonNode next = page.get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
        } while (cursor != null);
        return null;
    }

    private long rows(String table, String account) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE account_id = :account")
                .param("account", UUID.fromString(account))
                .query(Long.class)
                .single();
    }

    private double consumed(String outcome) {
        Counter counter = meters.find("bankflow.events.consumed")
                .tags("topic", EventTopics.STATEMENT_FETCHED, "consumer", CONSUMER, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double counter(String name, String tag, String value) {
        Counter counter = meters.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The topics read from the beginning, values decoded by the real Avro deserializer and the test registry. */
    static TopicRecords records(String... topics) {
        ConfluentAvroDeserializer avro = new ConfluentAvroDeserializer();
        avro.configure(Map.of("schema.registry.url", TestRegistry.ccompatUrl()), false);
        return new TopicRecords(avro, topics);
    }
}
