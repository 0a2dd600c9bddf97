package io.bankflow.cashflow.balances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bankflow.events.EventTopics;
import io.bankflow.events.common.EventMetadata;
import io.bankflow.events.common.Money;
import io.bankflow.events.sync.Balance;
import io.bankflow.events.sync.StatementFetched;
import io.bankflow.events.sync.StatementLine;
import io.bankflow.events.sync.StatementLineStatus;
import io.bankflow.testinfra.ServiceIntegrationTest;
import io.bankflow.testinfra.TestIssuer;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * StatementFetched events in through the real broker and registry, balances out through the API with real issuer
 * tokens. Every test uses its own account id; dates are relative to today (UTC, the service's default zone).
 */
@ServiceIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CashflowIT {

    static final Duration WITHIN = Duration.ofSeconds(60);
    static final String ACME = "acme-industries";
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    final HttpClient http = HttpClient.newHttpClient();
    UUID account;

    @BeforeEach
    void newAccount() {
        account = UUID.randomUUID();
    }

    /** Booked lines over three days, a closing balance yesterday, two pending lines. */
    private StatementFetched firstStatement(UUID pendingSoon) {
        return statement(
                List.of(
                        booked(day(-3), "1000.00"),
                        booked(day(-2), "-250.50"),
                        booked(day(-2), "49.99"),
                        booked(day(-1), "-100.00"),
                        pending(UUID.randomUUID(), day(5), "-300.00"),
                        pending(pendingSoon, day(2), "-40.00")),
                new Balance(new Money(new BigDecimal("5000.000000"), "EUR"), day(-1), "closingBooked"));
    }

    @Test
    void reconstructsTheHistoryFromTheClosingBalanceAndForecastsWithTheMethodAndItsInputs() throws Exception {
        send(firstStatement(UUID.randomUUID()));

        JsonNode cashflow = awaitCashflow("historyDays=5&forecastDays=30");

        assertThat(cashflow.get("accountId").asString()).isEqualTo(account.toString());
        assertThat(cashflow.get("currency").asString()).isEqualTo("EUR");
        assertThat(cashflow.get("asOf").asString()).isEqualTo(TODAY.toString());
        assertThat(cashflow.get("balanceBasis").asString()).isEqualTo("ANCHORED");
        assertThat(cashflow.get("anchor").get("date").asString()).isEqualTo(day(-1).toString());
        assertThat(cashflow.get("anchor").get("amount").asString()).isEqualTo("5000.00");
        // By hand: 5000.00 at the end of yesterday; walk back over -100.00, then (-250.50 + 49.99), then +1000.00.
        assertThat(history(cashflow))
                .containsExactly(
                        day(-4) + " 4300.51 0.00 0.00",
                        day(-3) + " 5300.51 1000.00 0.00",
                        day(-2) + " 5100.00 49.99 250.50",
                        day(-1) + " 5000.00 0.00 100.00",
                        day(0) + " 5000.00 0.00 0.00");

        JsonNode forecast = cashflow.get("forecast");
        assertThat(forecast.get("method").asString()).isEqualTo("trailing-mean-daily-net-flow-plus-pending");
        JsonNode inputs = forecast.get("inputs");
        assertThat(inputs.get("observedFrom").asString()).isEqualTo(day(-3).toString());
        assertThat(inputs.get("observedDays").asInt()).isEqualTo(3);
        assertThat(inputs.get("observedNetFlow").asString()).isEqualTo("699.49");
        assertThat(inputs.get("meanDailyNetFlow").asString()).isEqualTo("233.16");
        assertThat(inputs.get("pendingLinesIncluded").asInt()).isEqualTo(2);
        assertThat(inputs.get("pendingAmount").asString()).isEqualTo("-340.00");
        JsonNode points = forecast.get("points");
        assertThat(points).hasSize(30);
        // 5000.00 + round(k * 699.49 / 3) + pending up to the day.
        assertThat(point(points, 1)).isEqualTo(day(1) + " 5233.16");
        assertThat(point(points, 2)).isEqualTo(day(2) + " 5426.33"); // 466.33 - 40.00
        assertThat(point(points, 5)).isEqualTo(day(5) + " 5825.82"); // 1165.82 - 340.00
    }

    @Test
    void countsTheSameLinesOnceWhetherTheEventOrTheLinesArriveTwice() throws Exception {
        UUID pendingSoon = UUID.randomUUID();
        StatementFetched first = firstStatement(pendingSoon);
        send(first);
        JsonNode before = awaitCashflow("historyDays=5&forecastDays=3");
        double duplicatesBefore = metric("bankflow_cashflow_duplicate_lines_total");

        send(first); // redelivered event: skipped by the inbox
        send(statement(first.getLines(), first.getClosingBalance())); // same lines in a new event: deduplicated
        // A later event of the same account (same partition) is applied after both: once it shows, they were handled.
        StatementLine booksThePending = booked(day(0), "-40.00");
        booksThePending.setSupersedesLineId(pendingSoon.toString());
        send(statement(List.of(booked(day(0), "1.00"), booksThePending), null));

        JsonNode after = awaitCashflow(
                "historyDays=5&forecastDays=3", body -> history(body).getLast().equals(day(0) + " 4961.00 1.00 40.00"));
        assertThat(history(after).subList(0, 4)).isEqualTo(history(before).subList(0, 4));
        assertThat(after.get("forecast")
                        .get("inputs")
                        .get("pendingLinesIncluded")
                        .asInt())
                .as("the pending line that booked is no longer pending")
                .isZero(); // the other one is due in 5 days, beyond this 3-day horizon
        assertThat(jdbc.sql("SELECT count(*) FROM applied_line WHERE account_id = :account")
                        .param("account", account)
                        .query(Long.class)
                        .single())
                .isEqualTo(6);
        assertThat(jdbc.sql("SELECT count(*) FROM pending_line WHERE account_id = :account")
                        .param("account", account)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(metric("bankflow_cashflow_duplicate_lines_total")).isGreaterThanOrEqualTo(duplicatesBefore + 4);
        assertThat(metric("bankflow_cashflow_lines_applied_total")).isGreaterThanOrEqualTo(6);
    }

    @Test
    void flagsBalancesAsRelativeWhenTheBankNeverReportedOne() throws Exception {
        send(statement(List.of(booked(day(-1), "10.00")), null));

        JsonNode cashflow = awaitCashflow("historyDays=2&forecastDays=0");

        assertThat(cashflow.get("balanceBasis").asString()).isEqualTo("RELATIVE");
        assertThat(cashflow.get("anchor").isNull()).isTrue();
        assertThat(history(cashflow)).containsExactly(day(-1) + " 10.00 10.00 0.00", day(0) + " 10.00 0.00 0.00");
        assertThat(cashflow.get("forecast").get("points")).isEmpty();
    }

    @Test
    void answersAnotherOrganisationAsIfTheAccountDidNotExist() throws Exception {
        send(statement(List.of(booked(day(-1), "10.00")), null));
        awaitCashflow("");

        HttpResponse<String> globex = get("/api/banking/cashflow?currency=EUR&accountId=" + account, "globex-erp");
        HttpResponse<String> otherCurrency = get("/api/banking/cashflow?currency=USD&accountId=" + account, "acme-erp");

        assertThat(globex.statusCode()).isEqualTo(404);
        assertThat(globex.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(globex.body()).get("type").asString())
                .isEqualTo("https://bankflow.io/problems/not-found");
        assertThat(otherCurrency.statusCode()).isEqualTo(404);
        assertThat(get("/api/banking/cashflow/accounts", "globex-erp").body()).doesNotContain(account.toString());
    }

    @Test
    void listsTheAccountsAndCurrenciesTheOrganisationHasDataFor() throws Exception {
        send(statement(List.of(booked(day(-1), "10.00"), usd(booked(day(-1), "7.00"))), null));
        awaitCashflow("");

        JsonNode items = json.readTree(
                        get("/api/banking/cashflow/accounts", "acme-erp").body())
                .get("items");

        List<String> mine = new ArrayList<>();
        items.forEach(item -> {
            if (item.get("accountId").asString().equals(account.toString())) {
                mine.add(item.get("currency").asString());
            }
        });
        assertThat(mine).containsExactly("EUR", "USD");
    }

    @Test
    void refusesParametersOutOfRangeWithAProblemNamingEachField() throws Exception {
        HttpResponse<String> ranges = get(
                "/api/banking/cashflow?currency=EUR&historyDays=0&forecastDays=91&accountId=" + account, "acme-erp");
        HttpResponse<String> currency = get("/api/banking/cashflow?currency=eur&accountId=" + account, "acme-erp");
        HttpResponse<String> unknownCurrency =
                get("/api/banking/cashflow?currency=ZZZ&accountId=" + account, "acme-erp");
        HttpResponse<String> missing = get("/api/banking/cashflow?currency=EUR", "acme-erp");

        assertThat(ranges.statusCode()).isEqualTo(400);
        assertThat(ranges.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(ranges.body());
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("historyDays", "forecastDays");
        for (HttpResponse<String> response : List.of(currency, unknownCurrency)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json.readTree(response.body())
                            .get("errors")
                            .get(0)
                            .get("field")
                            .asString())
                    .isEqualTo("currency");
        }
        assertThat(missing.statusCode()).isEqualTo(400);
    }

    @Test
    void requiresTheFinanceOrAdminRole() throws Exception {
        assertThat(get("/api/banking/cashflow/accounts", "acme-readonly").statusCode())
                .isEqualTo(403);
    }

    // --- helpers

    private JsonNode awaitCashflow(String query) {
        return awaitCashflow(query, body -> true);
    }

    private JsonNode awaitCashflow(String query, java.util.function.Predicate<JsonNode> until) {
        String path = "/api/banking/cashflow?currency=EUR&accountId=" + account + (query.isEmpty() ? "" : "&" + query);
        JsonNode[] last = new JsonNode[1];
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> response = get(path, "acme-erp");
            if (response.statusCode() != 200) {
                return false;
            }
            last[0] = json.readTree(response.body());
            return until.test(last[0]);
        });
        return last[0];
    }

    private HttpResponse<String> get(String path, String client) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + TestIssuer.accessToken(client))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private double metric(String name) throws Exception {
        String body = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return body.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static List<String> history(JsonNode cashflow) {
        List<String> days = new ArrayList<>();
        cashflow.get("history")
                .forEach(day -> days.add(
                        day.get("date").asString() + " " + day.get("balance").asString() + " "
                                + day.get("inflow").asString() + " "
                                + day.get("outflow").asString()));
        return days;
    }

    private static String point(JsonNode points, int daysAhead) {
        JsonNode point = points.get(daysAhead - 1);
        return point.get("date").asString() + " " + point.get("balance").asString();
    }

    private void send(StatementFetched event) throws Exception {
        kafka.send(EventTopics.STATEMENT_FETCHED, account.toString(), event).get();
    }

    private StatementFetched statement(List<StatementLine> lines, @Nullable Balance closingBalance) {
        return StatementFetched.newBuilder()
                .setMetadata(EventMetadata.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                        .setOrgId(ACME)
                        .setCorrelationId("it-" + UUID.randomUUID())
                        .setCausationId(null)
                        .build())
                .setJobId(UUID.randomUUID().toString())
                .setConnectionId(UUID.randomUUID().toString())
                .setAccountId(account.toString())
                .setProvider("sandbox-bank")
                .setLines(lines)
                .setClosingBalance(closingBalance)
                .build();
    }

    private static StatementLine booked(LocalDate date, String amount) {
        return line(UUID.randomUUID(), StatementLineStatus.BOOKED, date, amount);
    }

    private static StatementLine pending(UUID id, LocalDate valueDate, String amount) {
        StatementLine line = line(id, StatementLineStatus.PENDING, null, amount);
        line.setValueDate(valueDate);
        return line;
    }

    private static StatementLine usd(StatementLine line) {
        line.getAmount().setCurrency("USD");
        return line;
    }

    private static StatementLine line(UUID id, StatementLineStatus status, @Nullable LocalDate date, String amount) {
        return StatementLine.newBuilder()
                .setLineId(id.toString())
                .setStatus(status)
                .setBookingDate(date)
                .setValueDate(date)
                .setAmount(new Money(new BigDecimal(amount).setScale(6), "EUR"))
                .build();
    }

    private static LocalDate day(int offset) {
        return TODAY.plusDays(offset);
    }
}
