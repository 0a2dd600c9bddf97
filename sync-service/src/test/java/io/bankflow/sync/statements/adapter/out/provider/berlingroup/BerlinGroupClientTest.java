package io.bankflow.sync.statements.adapter.out.provider.berlingroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.bankflow.sync.statements.application.port.out.FetchedTransactions;
import io.bankflow.sync.statements.application.port.out.ProviderAccess;
import io.bankflow.sync.statements.application.port.out.ProviderFailure;
import io.bankflow.sync.statements.application.port.out.ProviderFailure.Kind;
import io.bankflow.sync.statements.domain.AccountBalance;
import io.bankflow.sync.statements.domain.LineStatus;
import io.bankflow.sync.statements.domain.StatementLine;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted bank on a local port: paging, headers, error classification and its one retry. */
class BerlinGroupClientTest {

    private static final ProviderAccess ACCESS = new ProviderAccess("consent-1", "secret-token");

    private HttpServer server;
    private final Map<String, Deque<Reply>> script = new ConcurrentHashMap<>();
    private final List<HttpExchangeRecord> requests = new CopyOnWriteArrayList<>();
    private final List<Duration> pauses = new ArrayList<>();
    private BerlinGroupClient client;
    private String base;

    record Reply(int status, String body, Map<String, String> headers) {
        static Reply json(String body) {
            return new Reply(200, body.replace('\'', '"'), Map.of("Content-Type", "application/json"));
        }
    }

    record HttpExchangeRecord(String uri, String requestId, String consentId, String authorization) {}

    @BeforeEach
    void startBank() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        BerlinGroupProperties properties = new BerlinGroupProperties(
                URI.create(base),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Duration.ofMillis(250),
                50);
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T07:00:00Z"), ZoneOffset.UTC);
        client = new BerlinGroupClient(properties, clock, pauses::add);
    }

    @AfterEach
    void stopBank() {
        server.stop(0);
    }

    private void on(String pathAndQuery, Reply... replies) {
        script.computeIfAbsent(pathAndQuery, k -> new ArrayDeque<>()).addAll(List.of(replies));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String uri = exchange.getRequestURI().toString();
        requests.add(new HttpExchangeRecord(
                uri,
                exchange.getRequestHeaders().getFirst("X-Request-ID"),
                exchange.getRequestHeaders().getFirst("Consent-ID"),
                exchange.getRequestHeaders().getFirst("Authorization")));
        Deque<Reply> replies = script.get(uri);
        Reply reply = replies == null || replies.isEmpty()
                ? new Reply(404, "{\"tppMessages\":[{\"category\":\"ERROR\",\"code\":\"RESOURCE_UNKNOWN\"}]}", Map.of())
                : replies.size() > 1 ? replies.poll() : replies.peek();
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private static String tx(String id, String amount, String status) {
        return "{'transactionId':'" + id + "','entryReference':'E" + id + "',"
                + (status.equals("booked") ? "'bookingDate':'2026-11-02'," : "")
                + "'valueDate':'2026-11-02','transactionAmount':{'amount':" + amount + ",'currency':'EUR'}}";
    }

    private static Reply page(String booked, String pending, String next) {
        return Reply.json("{'account':{'iban':'NO1'},'transactions':{'booked':[" + booked + "],'pending':[" + pending
                + "],'_links':{'account':{'href':'/v1/accounts/a1'}"
                + (next == null ? "" : ",'next':{'href':'" + next + "'}")
                + "}}}");
    }

    private static Reply error(int status, String code, Map<String, String> headers) {
        return new Reply(
                status,
                "{\"tppMessages\":[{\"category\":\"ERROR\",\"code\":\"" + code + "\",\"text\":\"no\"}]}",
                headers);
    }

    @Test
    void walksEveryPageThroughRelativeAndAbsoluteNextLinks() {
        on(
                "/v1/accounts/a1/transactions?bookingStatus=both&withBalance=true&dateFrom=2026-10-01",
                page(
                        tx("1", "'-10.00'", "booked"),
                        tx("p1", "-3.5", "pending"),
                        "/v1/accounts/a1/transactions?page=2"));
        on(
                "/v1/accounts/a1/transactions?page=2",
                page(
                        tx("2", "20.5", "booked") + "," + tx("1", "'-10.00'", "booked"),
                        "",
                        base + "/v1/accounts/a1/transactions?page=3"));
        on("/v1/accounts/a1/transactions?page=3", page(tx("3", "'7'", "booked"), "", null));

        FetchedTransactions fetched = client.transactions(ACCESS, "a1", LocalDate.of(2026, 10, 1), null);

        assertThat(fetched.pages()).isEqualTo(3);
        assertThat(fetched.lines())
                .extracting(StatementLine::providerTransactionId)
                .containsExactly("1", "p1", "2", "1", "3");
        assertThat(fetched.count(LineStatus.PENDING)).isEqualTo(1);
        assertThat(fetched.lines().get(1).amount()).isEqualTo(new BigDecimal("-3.5"));
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.consentId()).isEqualTo("consent-1");
            assertThat(request.authorization()).isEqualTo("Bearer secret-token");
            assertThat(java.util.UUID.fromString(request.requestId())).isNotNull();
        });
        assertThat(requests).extracting(HttpExchangeRecord::requestId).doesNotHaveDuplicates();
    }

    @Test
    void aNextLinkThatLoopsIsAnInvalidResponse() {
        on(
                "/v1/accounts/a1/transactions?bookingStatus=both&withBalance=true&dateFrom=2026-10-01",
                page(tx("1", "'1'", "booked"), "", "/v1/accounts/a1/transactions?page=2"));
        on("/v1/accounts/a1/transactions?page=2", page("", "", "/v1/accounts/a1/transactions?page=2"));

        ProviderFailure failure = catchThrowableOfType(
                ProviderFailure.class, () -> client.transactions(ACCESS, "a1", LocalDate.of(2026, 10, 1), null));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
    }

    @Test
    void readsAccountsAndBalances() {
        on(
                "/v1/accounts",
                Reply.json("{'accounts':[{'resourceId':'a1','iban':'NO1','currency':'NOK','name':'Drift'}]}"));
        on(
                "/v1/accounts/a1/balances",
                Reply.json("{'balances':[{'balanceType':'closingBooked','referenceDate':'2026-11-20',"
                        + "'balanceAmount':{'currency':'NOK','amount':'1000.10'}}]}"));

        assertThat(client.accounts(ACCESS)).singleElement().satisfies(account -> {
            assertThat(account.resourceId()).isEqualTo("a1");
            assertThat(account.currency()).isEqualTo("NOK");
        });
        assertThat(client.balances(ACCESS, "a1"))
                .containsExactly(new AccountBalance(
                        "closingBooked", new BigDecimal("1000.10"), "NOK", LocalDate.of(2026, 11, 20)));
    }

    @Test
    void classifiesTppMessagesAndStatuses() {
        on("/v1/accounts", error(401, "TOKEN_EXPIRED", Map.of()));
        assertThat(kindOfAccountsCall()).isEqualTo(Kind.TOKEN_EXPIRED);
        script.clear();
        on("/v1/accounts", error(401, "TOKEN_UNKNOWN", Map.of()));
        assertThat(kindOfAccountsCall()).isEqualTo(Kind.TOKEN_INVALID);
        script.clear();
        on("/v1/accounts", error(401, "CONSENT_EXPIRED", Map.of()));
        assertThat(kindOfAccountsCall()).isEqualTo(Kind.CONSENT_EXPIRED);
        script.clear();
        on("/v1/accounts", error(400, "CONSENT_UNKNOWN", Map.of()));
        assertThat(kindOfAccountsCall()).isEqualTo(Kind.CONSENT_INVALID);
        script.clear();
        on("/v1/accounts", error(400, "FORMAT_ERROR", Map.of()));
        assertThat(kindOfAccountsCall()).isEqualTo(Kind.REJECTED);
        assertThat(pauses).isEmpty();
    }

    @Test
    void retriesATransientFaultOnceThenFailsAsTransient() {
        on("/v1/accounts", new Reply(503, "", Map.of()), new Reply(502, "", Map.of()), Reply.json("{'accounts':[]}"));

        ProviderFailure failure = catchThrowableOfType(ProviderFailure.class, () -> client.accounts(ACCESS));

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.httpStatus()).isEqualTo(502);
        assertThat(pauses).containsExactly(Duration.ofMillis(250));
        assertThat(client.accounts(ACCESS)).isEmpty();
    }

    @Test
    void waitsOutAShortRetryAfterOnce() {
        on(
                "/v1/accounts",
                error(429, "ACCESS_EXCEEDED", Map.of("Retry-After", "3")),
                Reply.json("{'accounts':[{'resourceId':'a1'}]}"));

        assertThat(client.accounts(ACCESS)).hasSize(1);
        assertThat(pauses).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void failsAsRateLimitedWhenRetryAfterIsLongerThanItWaits() {
        on("/v1/accounts", error(429, "ACCESS_EXCEEDED", Map.of("Retry-After", "Sat, 21 Nov 2026 23:59:59 GMT")));

        ProviderFailure failure = catchThrowableOfType(ProviderFailure.class, () -> client.accounts(ACCESS));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter())
                .contains(Duration.ofHours(17).plusMinutes(-1).plusSeconds(59));
        assertThat(pauses).isEmpty();
        assertThat(failure.getMessage()).doesNotContain("secret-token");
    }

    @Test
    void anAnswerThatIsNotJsonIsAnInvalidResponse() {
        on(
                "/v1/accounts/a1/transactions?bookingStatus=both&withBalance=true&dateFrom=2026-10-01&dateTo=2026-11-20",
                new Reply(200, "<?xml version=\"1.0\"?><Document/>", Map.of("Content-Type", "application/xml")));

        ProviderFailure failure = catchThrowableOfType(
                ProviderFailure.class,
                () -> client.transactions(ACCESS, "a1", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 20)));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(failure.getMessage()).contains("application/xml");
    }

    private Kind kindOfAccountsCall() {
        return catchThrowableOfType(ProviderFailure.class, () -> client.accounts(ACCESS))
                .kind();
    }
}
