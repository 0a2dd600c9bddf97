package io.bankflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.bankflow.localstack.demo.AccessToken;
import io.bankflow.localstack.demo.Api;
import io.bankflow.localstack.demo.ApiResponse;
import io.bankflow.localstack.demo.DevIssuer;
import io.bankflow.localstack.demo.GatewayClient;
import io.bankflow.localstack.demo.Poll;
import io.bankflow.localstack.demo.SandboxBank;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One deposit end to end (issue 3), through the gateway only, with every service, the sandbox bank and the real
 * infrastructure running as {@code ./bankflow up} starts them. acme-industries connects the sandbox bank's EUR account
 * (the demo uses the NOK one, so the two never see each other's lines) after three deposits were posted there: one
 * with a customer code acme expects, one with a code acme does not know, one without any code. Then: the first sync,
 * the match and the review queue, the cashflow, a deposit arriving through the bank's webhook, the same sync window
 * again, and what other callers may not see or do.
 *
 * <p>The methods run in order and share what they created; each asserts its own outcome.
 */
@ExtendWith(SharedLocalStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(2)
class FirstDepositEndToEndIT {

    private static final Duration ASYNC = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(200);

    private static GatewayClient gateway;
    private static SandboxBank bank;
    private static AccessToken acme;
    private static AccessToken acmeReadonly;
    private static AccessToken globex;

    private static final String KNOWN_CODE = "CUS7" + digits(7);
    private static final String UNKNOWN_CODE = "CUS6" + digits(7);
    private static final BigDecimal KNOWN_AMOUNT = amount();
    private static final BigDecimal UNKNOWN_AMOUNT = amount();
    private static final BigDecimal NO_REFERENCE_AMOUNT = amount();

    private static SandboxBank.Account bankAccount;
    private static Api.BankAccount account;
    private static Api.Connection connection;
    private static Api.SyncJob firstSync;

    @BeforeAll
    static void connectToTheSharedStack(LocalStack stack) {
        gateway = new GatewayClient(URI.create(stack.url(0)));
        bank = new SandboxBank(URI.create(stack.url(70)));
        DevIssuer issuer = new DevIssuer(URI.create(stack.url(75)), stack.home().resolve("secrets"));
        acme = issuer.accessToken("acme-erp");
        acmeReadonly = issuer.accessToken("acme-readonly");
        globex = issuer.accessToken("globex-erp");
    }

    @Test
    @Order(1)
    void connectingTheAccountWithTheBanksConsentMakesTheConnectionActive() {
        bankAccount = bank.overview().account("NO", "EUR");
        bank.deposit(bankAccount.resourceId(), KNOWN_AMOUNT, "Known Kunde BV", "Invoice E2E-1 " + KNOWN_CODE);
        bank.deposit(bankAccount.resourceId(), UNKNOWN_AMOUNT, "Stranger BV", "Invoice E2E-2 " + UNKNOWN_CODE);
        bank.deposit(bankAccount.resourceId(), NO_REFERENCE_AMOUNT, "Vague BV", "Thanks for the goods");
        GatewayClient.Registered<Api.ExpectedPayment> expected =
                gateway.expectPayments(acme, KNOWN_CODE, "Known Kunde BV");
        GatewayClient.Registered<Api.BankAccount> registered =
                gateway.registerAccount(acme, "1921", "EUR", bankAccount.iban(), "Valutakonto EUR");

        assertThat(expected.created()).isTrue();
        assertThat(registered.created())
                .as("a fresh stack has no account with this IBAN")
                .isTrue();
        account = registered.value();
        assertThat(account.maskedIban()).doesNotContain(bankAccount.iban().substring(4, 10));

        Api.Connection started = gateway.connectToSandboxBank(acme, account.id());
        assertThat(started.status()).isEqualTo("PENDING_CONSENT");
        assertThat(started.authorizationUrl()).isNotNull();

        URI redirect = bank.authorize(started.authorizationUrl());
        Api.CallbackResult callback = gateway.completeAuthorization(redirect);

        assertThat(callback.connectionId()).isEqualTo(started.id());
        assertThat(callback.status()).isEqualTo("ACTIVE");
        connection = gateway.connection(acme, started.id());
        assertThat(connection.status()).isEqualTo("ACTIVE");
        assertThat(gateway.account(acme, account.id()).connectionId()).isEqualTo(connection.id());
        // The state is single-use: the same redirect again is refused.
        ApiResponse replay = gateway.send("GET", redirectOnGateway(redirect), null, null, Map.of());
        assertProblem(replay, 400);
    }

    @Test
    @Order(2)
    void theFirstSyncJobCompletesWithItsCounts() {
        requireConnection();
        firstSync = Poll.until(
                "the INITIAL sync job finishing",
                ASYNC,
                POLL,
                () -> gateway.syncJobs(acme, connection.id()).stream()
                        .filter(job -> "INITIAL".equals(job.reason()) && job.finished())
                        .findFirst());

        assertThat(firstSync.status()).as("failure: %s", firstSync.failure()).isEqualTo("COMPLETED");
        assertThat(firstSync.connectionId()).isEqualTo(connection.id());
        assertThat(firstSync.accountId()).isEqualTo(account.id());
        assertThat(firstSync.counts().newLines())
                .as("our three deposits at least")
                .isGreaterThanOrEqualTo(3);
        assertThat(firstSync.counts().fetched())
                .isGreaterThanOrEqualTo(firstSync.counts().newLines());
        assertThat(firstSync.counts().errors()).isZero();
        assertThat(firstSync.dateFrom()).isBeforeOrEqualTo(LocalDate.now().minusDays(60));
        assertThat(firstSync.startedAt()).isNotNull();
        assertThat(firstSync.finishedAt()).isAfterOrEqualTo(firstSync.startedAt());
        assertThat(gateway.syncJob(acme, firstSync.id())).isEqualTo(firstSync);
    }

    @Test
    @Order(3)
    void aCreditWithAnExpectedCustomerCodeIsMatchedAndTheOthersWaitInTheReviewQueue() {
        requireFirstSync();
        Api.DepositMatch match =
                Poll.until("the deposit with " + KNOWN_CODE + " matched", ASYNC, POLL, () -> matchOf(KNOWN_AMOUNT));
        List<Api.ReviewItem> queue = Poll.until(
                "both other deposits in the review queue",
                ASYNC,
                POLL,
                () -> Poll.when(
                        reviewItemOf(UNKNOWN_AMOUNT).isPresent()
                                && reviewItemOf(NO_REFERENCE_AMOUNT).isPresent(),
                        openItems()));

        assertThat(match.customerCode()).isEqualTo(KNOWN_CODE);
        assertThat(match.method()).isEqualTo("CUSTOMER_CODE");
        assertThat(match.amount().currency()).isEqualTo("EUR");
        assertThat(match.bookingDate()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
        Api.ReviewItem unknown = reviewItemOf(UNKNOWN_AMOUNT).orElseThrow();
        assertThat(unknown.reason()).isEqualTo("UNKNOWN_CUSTOMER_CODE");
        assertThat(unknown.foundCustomerCodes()).containsExactly(UNKNOWN_CODE);
        assertThat(unknown.status()).isEqualTo("OPEN");
        Api.ReviewItem noReference = reviewItemOf(NO_REFERENCE_AMOUNT).orElseThrow();
        assertThat(noReference.reason()).isEqualTo("NO_REFERENCE");
        assertThat(noReference.foundCustomerCodes()).isEmpty();
        assertThat(queue).allSatisfy(item -> assertThat(item.accountId()).isEqualTo(account.id()));
        // No credit is both matched and queued.
        List<UUID> matchedLines = gateway.matches(acme, account.id()).stream()
                .map(Api.DepositMatch::statementLineId)
                .toList();
        assertThat(queue).noneSatisfy(item -> assertThat(matchedLines).contains(item.statementLineId()));
    }

    @Test
    @Order(4)
    void theCashflowHasSixtyDaysOfHistoryEndingAtTheBanksBalanceAndThirtyDaysOfForecast() {
        requireFirstSync();
        Api.Cashflow cashflow = Poll.until("the account's cashflow", ASYNC, POLL, () -> {
            ApiResponse answer = gateway.get(
                    "/api/banking/cashflow?accountId=" + account.id() + "&currency=EUR&historyDays=60&forecastDays=30",
                    acme);
            return answer.status() == 404
                    ? Optional.empty()
                    : Optional.of(GatewayClient.expect(answer, 200).as(Api.Cashflow.class));
        });
        BigDecimal closingBooked = bank.overview().account("NO", "EUR").closingBooked();

        assertThat(cashflow.history()).hasSize(60);
        assertThat(cashflow.history().getLast().date()).isEqualTo(cashflow.asOf());
        assertThat(cashflow.history().getFirst().date())
                .isEqualTo(cashflow.asOf().minusDays(59));
        assertThat(cashflow.balanceBasis()).isEqualTo("ANCHORED");
        assertThat(cashflow.history().getLast().balance()).isEqualByComparingTo(closingBooked);
        assertThat(cashflow.history().getLast().inflow())
                .isGreaterThanOrEqualTo(KNOWN_AMOUNT.add(UNKNOWN_AMOUNT).add(NO_REFERENCE_AMOUNT));
        assertThat(cashflow.forecast().points()).hasSize(30);
        assertThat(cashflow.forecast().points().getFirst().date())
                .isEqualTo(cashflow.asOf().plusDays(1));
        assertThat(cashflow.forecast().method()).isNotBlank();
        assertThat(cashflow.forecast().inputs()).containsKey("meanDailyNetFlow");
    }

    @Test
    @Order(5)
    void aDepositPostedAtTheBankArrivesThroughItsWebhookAsAMatch() {
        requireFirstSync();
        Api.WebhookEndpoint endpoint = gateway.createWebhookEndpoint(acme, "sandbox-bank");
        assertThat(endpoint.url()).isEqualTo("/webhooks/sandbox-bank/" + endpoint.id());
        bank.subscribeWebhooks(gateway.url(endpoint.url()), endpoint.signingSecret());
        BigDecimal amount = amount();

        long posted = System.nanoTime();
        bank.deposit(bankAccount.resourceId(), amount, "Known Kunde BV", "Invoice E2E-3 " + KNOWN_CODE);
        Api.DepositMatch match =
                Poll.until("the webhook deposit matched", ASYNC, Duration.ofMillis(100), () -> matchOf(amount));
        Duration latency = Duration.ofNanos(System.nanoTime() - posted);
        System.out.printf("webhook -> DepositMatched latency: %d ms%n", latency.toMillis());

        assertThat(match.customerCode()).isEqualTo(KNOWN_CODE);
        assertThat(match.method()).isEqualTo("CUSTOMER_CODE");
        List<Api.SyncJob> webhookJobs = gateway.syncJobs(acme, connection.id()).stream()
                .filter(job -> "WEBHOOK".equals(job.reason()))
                .toList();
        assertThat(webhookJobs)
                .as("a WEBHOOK sync of this connection brought the line")
                .anySatisfy(job -> {
                    assertThat(job.status()).isEqualTo("COMPLETED");
                    assertThat(job.counts().newLines()).isGreaterThanOrEqualTo(1);
                });
    }

    @Test
    @Order(6)
    void syncingTheSameWindowAgainAddsNoLine() {
        requireFirstSync();
        int matchesBefore = gateway.matches(acme, account.id()).size();
        // The first sync's window: its dateTo is "today" when the job left it open.
        LocalDate dateTo = firstSync.dateTo() == null
                ? firstSync.requestedAt().atZone(ZoneOffset.UTC).toLocalDate()
                : firstSync.dateTo();
        ApiResponse requested = gateway.post(
                "/api/banking/sync-jobs",
                acme,
                Map.of(
                        "connectionId",
                        connection.id(),
                        "dateFrom",
                        firstSync.dateFrom().toString(),
                        "dateTo",
                        dateTo.toString(),
                        // The user is present: the bank does not count the reads against the consent's 4 a day.
                        "psuIpAddress",
                        "192.0.2.10"));

        assertThat(requested.status()).as(requested.describe()).isEqualTo(202);
        Api.SyncJob queued = requested.as(Api.SyncJob.class);
        assertThat(requested.header("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/api/banking/sync-jobs/" + queued.id()));
        assertThat(queued.reason()).isEqualTo("MANUAL");
        Api.SyncJob rerun = Poll.until(
                "the MANUAL sync job finishing",
                ASYNC,
                POLL,
                () -> Poll.when(gateway.syncJob(acme, queued.id()).finished(), gateway.syncJob(acme, queued.id())));

        assertThat(rerun.status()).as("failure: %s", rerun.failure()).isEqualTo("COMPLETED");
        assertThat(rerun.dateFrom()).isEqualTo(firstSync.dateFrom());
        assertThat(rerun.dateTo()).isEqualTo(dateTo);
        assertThat(rerun.counts().newLines()).isZero();
        assertThat(rerun.counts().duplicates())
                .isGreaterThanOrEqualTo(firstSync.counts().newLines());
        assertThat(gateway.matches(acme, account.id())).hasSize(matchesBefore);
    }

    @Test
    @Order(7)
    void anotherOrganisationSeesNoneOfItAsNotFound() {
        requireConnection();
        assertProblem(gateway.get("/api/banking/connections/" + connection.id(), globex), 404);
        assertProblem(gateway.get("/api/banking/accounts/" + account.id(), globex), 404);
        assertProblem(gateway.get("/api/banking/cashflow?accountId=" + account.id() + "&currency=EUR", globex), 404);
        assertProblem(
                gateway.post(
                        "/api/banking/connections",
                        globex,
                        Map.of("provider", "sandbox-bank", "bankAccountId", account.id(), "environment", "sandbox")),
                422);
        ApiResponse globexMatches =
                gateway.get("/api/banking/reconciliation/matches?accountId=" + account.id(), globex);
        assertThat(globexMatches.status()).isEqualTo(200);
        assertThat(globexMatches.json().path("items").isEmpty()).isTrue();
        if (firstSync != null) {
            assertProblem(gateway.get("/api/banking/sync-jobs/" + firstSync.id(), globex), 404);
            ApiResponse foreignSync =
                    gateway.post("/api/banking/sync-jobs", globex, Map.of("connectionId", connection.id()));
            assertProblem(foreignSync, foreignSync.status() == 422 ? 422 : 404);
        }
    }

    @Test
    @Order(8)
    void aMissingOrInvalidTokenIsUnauthorized() {
        requireConnection();
        for (String path : List.of(
                "/api/banking/connections/" + connection.id(),
                "/api/banking/accounts",
                "/api/banking/sync-jobs?connectionId=" + connection.id(),
                "/api/banking/review-queue")) {
            ApiResponse missing = gateway.get(path, null);
            ApiResponse invalid = gateway.get(path, new AccessToken("not-a-jwt"));
            ApiResponse forged = gateway.get(path, new AccessToken(forgedJwt()));

            assertProblem(missing, 401);
            assertThat(missing.header("WWW-Authenticate"))
                    .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
            assertProblem(invalid, 401);
            assertThat(invalid.header("WWW-Authenticate"))
                    .hasValueSatisfying(value -> assertThat(value).contains("invalid_token"));
            assertProblem(forged, 401);
        }
        assertProblem(gateway.post("/api/banking/sync-jobs", null, Map.of("connectionId", connection.id())), 401);
    }

    @Test
    @Order(9)
    void aCallerWithoutTheFinanceOrAdminRoleMayNotWrite() {
        requireConnection();
        assertProblem(
                gateway.post(
                        "/api/banking/accounts",
                        acmeReadonly,
                        Map.of(
                                "glCode",
                                "1930",
                                "currency",
                                "GBP",
                                "iban",
                                bank.overview().account("NO", "GBP").iban())),
                403);
        assertProblem(
                gateway.post(
                        "/api/banking/expected-payments", acmeReadonly, Map.of("customerCode", "CUS5" + digits(7))),
                403);
        assertProblem(
                gateway.post("/api/banking/sync-jobs", acmeReadonly, Map.of("connectionId", connection.id())), 403);
        assertProblem(
                gateway.post(
                        "/api/banking/connections",
                        acmeReadonly,
                        Map.of("provider", "sandbox-bank", "bankAccountId", account.id(), "environment", "sandbox")),
                403);
        assertThat(gateway.get("/api/banking/connections/" + connection.id(), acmeReadonly)
                        .status())
                .as("reading is allowed")
                .isEqualTo(200);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** Every Bankflow error: RFC 9457 problem+json with type, title and the status repeated. */
    private static void assertProblem(ApiResponse response, int status) {
        assertThat(response.status()).as(response.describe()).isEqualTo(status);
        assertThat(response.contentType()).as(response + " content type").hasValue("application/problem+json");
        Api.Problem problem = response.problem().orElseThrow();
        assertThat(problem.type()).as(response + " type").isNotBlank();
        assertThat(problem.title()).as(response + " title").isNotBlank();
        assertThat(problem.status()).as(response + " status member").isEqualTo(status);
    }

    private static Optional<Api.DepositMatch> matchOf(BigDecimal amount) {
        return gateway.matches(acme, account.id()).stream()
                .filter(match -> match.amount().amount().compareTo(amount) == 0)
                .findFirst();
    }

    private static List<Api.ReviewItem> openItems() {
        return gateway.reviewQueue(acme, "OPEN").stream()
                .filter(item -> account.id().equals(item.accountId()))
                .toList();
    }

    private static Optional<Api.ReviewItem> reviewItemOf(BigDecimal amount) {
        return openItems().stream()
                .filter(item -> item.amount().amount().compareTo(amount) == 0)
                .findFirst();
    }

    private static URI redirectOnGateway(URI redirect) {
        return URI.create(gateway.url("/oauth/callback") + "?" + redirect.getRawQuery());
    }

    /** A well-formed JWT no issuer signed: header and claims of the right shape, a made-up signature. */
    private static String forgedJwt() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"forged\"}".getBytes());
        String claims = base64.encodeToString(
                "{\"iss\":\"http://127.0.0.1:48675\",\"org_id\":\"acme-industries\",\"exp\":4102444800}".getBytes());
        return header + "." + claims + "." + base64.encodeToString(new byte[256]);
    }

    private static void requireConnection() {
        assumeThat(connection).as("the connection of the first step").isNotNull();
    }

    private static void requireFirstSync() {
        requireConnection();
        assumeThat(firstSync).as("the completed first sync").isNotNull();
        assumeThat(firstSync.status()).isEqualTo("COMPLETED");
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }

    /** A deposit amount no other line of the run has (cents make it unique enough). */
    private static BigDecimal amount() {
        return BigDecimal.valueOf(ThreadLocalRandom.current().nextLong(100_00, 9_999_99), 2);
    }
}
