package io.bankflow.localstack.demo;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The demo: demo organisation acme-industries (ERP client {@code acme-erp}) connects its NOK operating account at the
 * sandbox bank and watches a deposit travel the whole system, through the gateway only.
 *
 * <ol>
 *   <li>register the bank account and the customer codes the ERP expects money from, and a webhook endpoint the
 *       sandbox bank posts to;
 *   <li>connect: consent at the bank (approved automatically), the bank's redirect to {@code /oauth/callback};
 *   <li>the first sync job (requested by the activation) and what reconciliation made of its lines: matches and the
 *       review queue; the cashflow history and forecast;
 *   <li>a deposit with a known customer code injected at the bank: webhook, sync, match, and how long that took.
 * </ol>
 *
 * Running it again against the same stack registers nothing twice (the account, codes and endpoint are found again)
 * and connects anew: a PSD2 consent allows only 4 unattended reads per account and day, so each run brings a fresh
 * consent, and its first sync shows that lines already synced are not stored again.
 */
public final class DemoScenario {

    /** The ERP's client of the demo organisation. */
    public static final String CLIENT = "acme-erp";

    /** The GL account the NOK operating account posts to. */
    static final String GL_CODE = "1920";

    /**
     * Customers acme's ERP expects payments from: customer codes of payers in the sandbox bank's seeded NOK traffic
     * (its default seed, 20240611). The other payers' codes are unknown to the ERP on purpose, so the review queue
     * has something to show.
     */
    static final Map<String, String> CUSTOMERS = customers();

    /** The customer whose deposit is injected to travel the webhook path. */
    static final String WEBHOOK_CUSTOMER_CODE = "CUS77117007";

    private final GatewayClient gateway;
    private final DevIssuer issuer;
    private final SandboxBank bank;
    private final Duration stepTimeout;
    private final PrintStream out;
    private final long startedAt = System.nanoTime();
    private String step = "start";

    public DemoScenario(
            GatewayClient gateway, DevIssuer issuer, SandboxBank bank, Duration stepTimeout, PrintStream out) {
        this.gateway = gateway;
        this.issuer = issuer;
        this.bank = bank;
        this.stepTimeout = stepTimeout;
        this.out = out;
    }

    private static Map<String, String> customers() {
        Map<String, String> customers = new LinkedHashMap<>();
        customers.put("CUS77117007", "Fjord Fisk AS");
        customers.put("CUS00309666", "Stavanger Stal AS");
        customers.put("CUS09683687", "Oslo Kaffe AS");
        customers.put("CUS23703249", "Bergen Bygg AS");
        customers.put("CUS44406575", "Lofoten Lys AS");
        customers.put("CUS57925401", "Trondheim Tekstil AS");
        return Map.copyOf(customers);
    }

    /** The step that was running when the demo stopped. */
    public String currentStep() {
        return step;
    }

    /** Runs every step; throws with the reason when one does not give the outcome it needs. */
    public void run() {
        step = "sign in";
        AccessToken token = issuer.accessToken(CLIENT);
        out.printf(
                "demo: organisation acme-industries (ERP client %s) through the gateway %s%n",
                CLIENT, gateway.baseUrl());

        step = "find the account at the sandbox bank";
        SandboxBank.Account bankAccount = bank.overview().account("NO", "NOK");

        step = "register the bank account";
        GatewayClient.Registered<Api.BankAccount> account =
                gateway.registerAccount(token, GL_CODE, "NOK", bankAccount.iban(), bankAccount.name());
        UUID accountId = account.value().id();
        line(
                "bank account",
                "%s %s (NOK, GL %s): %s",
                account.value().name(),
                account.value().maskedIban(),
                GL_CODE,
                account.created() ? "registered" : "already registered");

        step = "register expected payments";
        int newCodes = 0;
        for (Map.Entry<String, String> customer : new TreeMap<>(CUSTOMERS).entrySet()) {
            if (gateway.expectPayments(token, customer.getKey(), customer.getValue())
                    .created()) {
                newCodes++;
            }
        }
        line(
                "customer codes",
                "%d expected payments (%s)",
                CUSTOMERS.size(),
                newCodes == 0 ? "all registered before" : newCodes + " registered now");

        step = "webhook endpoint";
        webhookEndpoint(token);

        step = "connect";
        Api.Connection connection = connect(token, accountId);

        step = "first sync";
        Api.SyncJob firstSync = firstSync(token, connection.id());

        step = "reconciliation";
        List<Api.DepositMatch> matches = settledMatches(token, accountId, firstSync);
        List<Api.ReviewItem> queue = openReviewItems(token, accountId);
        printMatches(matches);
        printReviewQueue(queue);

        step = "cashflow";
        printCashflow(token, accountId);

        step = "webhook deposit";
        Duration latency = webhookDeposit(token, accountId, bankAccount);

        out.printf(
                "demo: done in %d s: the deposit travelled bank -> webhook -> sync -> reconciliation in %s%n",
                elapsedSeconds(), seconds(latency));
    }

    // ---- steps -------------------------------------------------------------------------------------------------

    /** The organisation's sandbox-bank endpoint the bank already posts to, or a new one the bank is told about. */
    private void webhookEndpoint(AccessToken token) {
        List<String> targets = bank.overview().webhooks();
        for (Api.WebhookEndpoint existing : gateway.webhookEndpoints(token)) {
            if (existing.active()
                    && existing.provider().equals("sandbox-bank")
                    && targets.contains(gateway.url(existing.url()).toString())) {
                line("webhook endpoint", "%s (the sandbox bank posts to it already)", existing.url());
                return;
            }
        }
        Api.WebhookEndpoint created = gateway.createWebhookEndpoint(token, "sandbox-bank");
        bank.subscribeWebhooks(gateway.url(created.url()), created.signingSecret());
        line("webhook endpoint", "%s (created; the sandbox bank signs its webhooks with its secret)", created.url());
    }

    private Api.Connection connect(AccessToken token, UUID accountId) {
        Api.Connection started = gateway.connectToSandboxBank(token, accountId);
        // The sandbox customer approves at the bank; the bank redirects the browser back to the gateway.
        Api.CallbackResult callback = gateway.completeAuthorization(bank.authorize(started.authorizationUrl()));
        if (!"ACTIVE".equals(callback.status())) {
            throw new DemoFailure("the connection is " + callback.status() + ": " + callback.failureReason());
        }
        Api.Connection active = gateway.connection(token, started.id());
        if (!"ACTIVE".equals(active.status())) {
            throw new DemoFailure("the callback said ACTIVE, the connection says " + active.status());
        }
        line(
                "connection",
                "%s ACTIVE: consent approved at the sandbox bank, tokens kept by token-vault-service",
                active.id());
        return active;
    }

    private Api.SyncJob firstSync(AccessToken token, UUID connectionId) {
        Api.SyncJob job = Poll.until(
                "the first sync job of connection " + connectionId + " finishing",
                stepTimeout,
                Duration.ofMillis(250),
                () -> gateway.syncJobs(token, connectionId).stream()
                        .filter(candidate -> "INITIAL".equals(candidate.reason()) && candidate.finished())
                        .findFirst());
        if (!"COMPLETED".equals(job.status())) {
            throw new DemoFailure("the first sync job " + job.id() + " (" + job.reason() + ") " + job.status() + ": "
                    + (job.failure() == null
                            ? "no failure given"
                            : job.failure().code() + " " + job.failure().message()));
        }
        Api.SyncJob.Counts counts = job.counts();
        line(
                "first sync",
                "%s job %s in %s: fetched %d, new %d, duplicates %d, errors %d (booked %s..%s)",
                job.reason(),
                job.status(),
                duration(job.startedAt(), job.finishedAt()),
                counts.fetched(),
                counts.newLines(),
                counts.duplicates(),
                counts.errors(),
                job.dateFrom(),
                job.dateTo() == null ? "today" : job.dateTo());
        if (counts.newLines() == 0 && counts.duplicates() > 0) {
            line("", "every line was synced before (by an earlier run): none is stored or matched twice");
        }
        return job;
    }

    /** The account's matches once reconciliation has caught up with the sync (nothing changes for 2 s). */
    private List<Api.DepositMatch> settledMatches(AccessToken token, UUID accountId, Api.SyncJob firstSync) {
        Supplier<List<Object>> state = () -> List.of(
                gateway.matches(token, accountId).size(),
                openReviewItems(token, accountId).size());
        Poll.settled(
                "reconciliation of the synced lines",
                stepTimeout,
                Duration.ofSeconds(2),
                state,
                counts -> firstSync.counts().newLines() == 0 || (int) counts.get(0) + (int) counts.get(1) > 0);
        return gateway.matches(token, accountId);
    }

    private List<Api.ReviewItem> openReviewItems(AccessToken token, UUID accountId) {
        return gateway.reviewQueue(token, "OPEN").stream()
                .filter(item -> accountId.equals(item.accountId()))
                .toList();
    }

    private void printMatches(List<Api.DepositMatch> matches) {
        Map<String, List<Api.DepositMatch>> byCode = matches.stream()
                .collect(Collectors.groupingBy(Api.DepositMatch::customerCode, TreeMap::new, Collectors.toList()));
        line("deposits matched", "%d, by customer code%s", matches.size(), matches.isEmpty() ? "" : ":");
        byCode.forEach((code, deposits) -> line(
                "",
                "%s %-20s %2d deposit%s %s",
                code,
                CUSTOMERS.getOrDefault(code, "?"),
                deposits.size(),
                deposits.size() == 1 ? " " : "s",
                money(sum(deposits.stream().map(Api.DepositMatch::amount).toList()))));
    }

    private void printReviewQueue(List<Api.ReviewItem> queue) {
        Map<String, Long> byReason = queue.stream()
                .collect(Collectors.groupingBy(Api.ReviewItem::reason, TreeMap::new, Collectors.counting()));
        line(
                "deposits unmatched",
                "%d, in the review queue%s",
                queue.size(),
                queue.isEmpty()
                        ? ""
                        : " ("
                                + byReason.entrySet().stream()
                                        .map(e -> e.getValue() + " " + e.getKey())
                                        .collect(Collectors.joining(", "))
                                + "):");
        int shown = 0;
        List<Api.ReviewItem> byDate = queue.stream()
                .sorted(Comparator.comparing(
                        Api.ReviewItem::bookingDate, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        for (Api.ReviewItem item : byDate) {
            if (shown++ == 6) {
                line("", "... and %d more (GET /api/banking/review-queue)", queue.size() - 6);
                break;
            }
            line(
                    "",
                    "%s %15s  %-21s %-22s %s",
                    item.bookingDate(),
                    money(item.amount()),
                    item.reason(),
                    abbreviate(item.counterpartyName(), 22),
                    quote(item.remittanceInformation()));
        }
    }

    private void printCashflow(AccessToken token, UUID accountId) {
        Api.Cashflow cashflow = Poll.until("the cashflow of the account", stepTimeout, Duration.ofMillis(500), () -> {
            ApiResponse answer = gateway.get(
                    "/api/banking/cashflow?accountId=" + accountId + "&currency=NOK&historyDays=60&forecastDays=30",
                    token);
            if (answer.status() == 404) {
                return Optional.empty(); // no statement reached cashflow-service yet
            }
            return Optional.of(GatewayClient.expect(answer, 200).as(Api.Cashflow.class));
        });
        List<Api.Cashflow.HistoryDay> history = cashflow.history();
        Api.Cashflow.HistoryDay first = history.getFirst();
        Api.Cashflow.HistoryDay last = history.getLast();
        BigDecimal in = history.stream().map(Api.Cashflow.HistoryDay::inflow).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal outflow =
                history.stream().map(Api.Cashflow.HistoryDay::outflow).reduce(BigDecimal.ZERO, BigDecimal::add);
        line(
                "cashflow history",
                "%d days %s..%s: NOK %s -> %s (in %s, out %s; %s)",
                history.size(),
                first.date(),
                last.date(),
                number(first.balance()),
                number(last.balance()),
                number(in),
                number(outflow),
                cashflow.anchor() == null
                        ? "relative: the bank reported no balance"
                        : "anchored on the bank's balance of "
                                + cashflow.anchor().date());
        Api.Cashflow.Forecast forecast = cashflow.forecast();
        Api.Cashflow.ForecastPoint end = forecast.points().getLast();
        Object mean = forecast.inputs().get("meanDailyNetFlow");
        line(
                "cashflow forecast",
                "%d days to %s: NOK %s (%s, mean daily net flow %s)",
                forecast.points().size(),
                end.date(),
                number(end.balance()),
                forecast.method(),
                mean == null ? "?" : number(new BigDecimal(mean.toString())));
    }

    /** Posts a deposit at the bank and waits for its match; answers how long that took. */
    private Duration webhookDeposit(AccessToken token, UUID accountId, SandboxBank.Account bankAccount) {
        String code = WEBHOOK_CUSTOMER_CODE;
        String customer = CUSTOMERS.get(code);
        // A unique amount tells this deposit from every other one of the customer.
        BigDecimal amount = BigDecimal.valueOf(ThreadLocalRandom.current().nextLong(1_000_00, 50_000_00), 2);
        String remittance = "Invoice DEMO-" + (Instant.now().getEpochSecond() % 100_000) + " " + code;
        Set<UUID> known = new HashSet<>();
        gateway.latestMatches(token, accountId, 100).forEach(match -> known.add(match.statementLineId()));

        long injected = System.nanoTime();
        Instant injectedAt = Instant.now();
        bank.deposit(bankAccount.resourceId(), amount, customer, remittance);
        Api.DepositMatch match = Poll.until(
                "DepositMatched for the deposit of NOK " + amount.toPlainString() + " (webhook -> sync -> match)",
                stepTimeout,
                Duration.ofMillis(100),
                () -> gateway.latestMatches(token, accountId, 10).stream()
                        .filter(candidate -> !known.contains(candidate.statementLineId())
                                && code.equals(candidate.customerCode())
                                && candidate.amount().amount().compareTo(amount) == 0)
                        .findFirst());
        Duration latency = Duration.ofNanos(System.nanoTime() - injected);
        line(
                "webhook deposit",
                "NOK %s from %s \"%s\" posted at the sandbox bank",
                number(amount),
                customer,
                remittance);
        // Every valid consent on the account gets the bank's webhook (an earlier run's connection too): the job that
        // brought the line is the one with a new line, whichever connection it synced.
        List<Api.SyncJob> webhookJobs = gateway.latestSyncJobs(token, 20).stream()
                .filter(job -> "WEBHOOK".equals(job.reason())
                        && accountId.equals(job.accountId())
                        && job.requestedAt() != null
                        && !job.requestedAt().isBefore(injectedAt.minusSeconds(5)))
                .toList();
        Optional<Api.SyncJob> webhookJob = webhookJobs.stream()
                .filter(job -> job.counts().newLines() > 0)
                .findFirst()
                .or(() -> webhookJobs.stream().findFirst());
        line(
                "",
                "-> signed webhook -> %s -> DepositMatched %s by %s",
                webhookJob
                        .map(job -> job.reason() + " sync job " + job.status() + " (new "
                                + job.counts().newLines() + ")")
                        .orElse("sync"),
                match.customerCode(),
                match.method());
        line("", "latency %s (deposit posted at the bank -> match visible through the gateway)", seconds(latency));
        return latency;
    }

    // ---- printing ----------------------------------------------------------------------------------------------

    private void line(String label, String format, Object... args) {
        out.printf("  %-19s %s%n", label, String.format(Locale.ROOT, format, args));
    }

    private long elapsedSeconds() {
        return Duration.ofNanos(System.nanoTime() - startedAt).toSeconds();
    }

    private static BigDecimal sum(List<Api.Money> amounts) {
        return amounts.stream().map(Api.Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String money(Api.Money money) {
        return money.currency() + " " + number(money.amount());
    }

    private static String money(BigDecimal amount) {
        return "NOK " + number(amount);
    }

    private static String number(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", amount.setScale(2, RoundingMode.HALF_EVEN));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0);
    }

    private static String duration(Instant from, Instant to) {
        return from == null || to == null ? "?" : seconds(Duration.between(from, to));
    }

    private static String abbreviate(String text, int width) {
        if (text == null) {
            return "-";
        }
        return text.length() <= width ? text : text.substring(0, width - 1) + "~";
    }

    private static String quote(String text) {
        return text == null ? "(no remittance information)" : "\"" + abbreviate(text, 40) + "\"";
    }

    /** A step did not give the outcome the demo needs; the message says what happened instead. */
    public static final class DemoFailure extends RuntimeException {
        public DemoFailure(String message) {
            super(message);
        }
    }
}
