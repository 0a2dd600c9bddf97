package io.bankflow.sandboxbank;

import static io.bankflow.sandboxbank.BerlinGroupSpec.assertConforms;
import static io.bankflow.sandboxbank.SandboxClient.at;
import static io.bankflow.sandboxbank.SandboxClient.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.bankflow.sandboxbank.SandboxClient.Connection;
import io.bankflow.sandboxbank.SandboxClient.Reply;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

@SandboxBankTest
class ControlsAndWebhooksIT {

    @LocalServerPort
    int port;

    SandboxClient bank;
    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failFirst = new AtomicInteger();

    record Received(Map<String, String> headers, byte[] body) {}

    @BeforeEach
    void start() throws IOException {
        bank = new SandboxClient(port);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/webhooks/sandbox-bank/endpoint-1", exchange -> {
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
            received.add(new Received(headers, exchange.getRequestBody().readAllBytes()));
            int status = failFirst.getAndDecrement() > 0 ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        bank.delete("/sandbox/webhooks");
        bank.delete("/sandbox/faults");
        receiver.stop(0);
    }

    @Test
    void failsTheNextAisCallsWithTheGivenStatus() {
        Connection connection = bank.connect();

        bank.postJson("/sandbox/faults", Map.of("status", 503, "count", 2));

        Reply first = bank.ais("/v1/accounts", connection);
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.header("X-Request-ID")).isNotBlank();
        assertConforms("GET", "/v1/accounts", first);
        assertThat(bank.ais("/v1/accounts", connection).status()).isEqualTo(503);
        assertThat(bank.ais("/v1/accounts", connection).status()).isEqualTo(200);
    }

    @Test
    void answers429WithRetryAfterForTheNextCalls() {
        Connection connection = bank.connect();

        bank.postJson("/sandbox/rate-limit", Map.of("count", 1, "retryAfterSeconds", 17));

        Reply limited = bank.ais("/v1/accounts", connection);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("17");
        assertThat(SandboxClient.<String>at(limited.json(), "tppMessages", "0", "code"))
                .isEqualTo("ACCESS_EXCEEDED");
        assertConforms("GET", "/v1/accounts", limited);
        assertThat(bank.ais("/v1/accounts", connection).status()).isEqualTo(200);
    }

    @Test
    void theCustomerRefusesTheNextAuthorisation() {
        String consentId = bank.createAllPsd2Consent();
        bank.postJson("/sandbox/authorisations/refuse-next", Map.of("count", 1));

        Reply redirect = bank.authorize(consentId, SandboxClient.newVerifier(), "st");

        assertThat(query(redirect.header("Location")))
                .containsEntry("error", "access_denied")
                .containsEntry("state", "st")
                .doesNotContainKey("code");
        assertThat(bank.get(
                                "/v1/consents/" + consentId + "/status",
                                "X-Request-ID",
                                java.util.UUID.randomUUID().toString())
                        .json())
                .containsEntry("consentStatus", "rejected");
        assertThat(query(bank.authorize(bank.createAllPsd2Consent(), SandboxClient.newVerifier(), "s2")
                        .header("Location")))
                .containsKey("code");
    }

    @Test
    void expiredAccessTokensAnswerTokenExpiredAndRefreshStillWorks() {
        Connection connection = bank.connect();

        bank.postJson("/sandbox/tokens/expire", Map.of("consentId", connection.consentId()));

        Reply read = bank.ais("/v1/accounts", connection);
        assertThat(read.status()).isEqualTo(401);
        assertThat(SandboxClient.<String>at(read.json(), "tppMessages", "0", "code"))
                .isEqualTo("TOKEN_EXPIRED");
        Reply refreshed = bank.postForm(
                "/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", connection.refreshToken()));
        assertThat(refreshed.status()).isEqualTo(200);
    }

    @Test
    void revokedTokensAnswerTokenUnknown() {
        Connection connection = bank.connect();

        bank.postJson("/sandbox/tokens/revoke", Map.of("consentId", connection.consentId()));

        assertThat(SandboxClient.<String>at(bank.ais("/v1/accounts", connection).json(), "tppMessages", "0", "code"))
                .isEqualTo("TOKEN_UNKNOWN");
    }

    @Test
    void postsASignedTransactionsAvailableWebhookAndRetriesUntilAccepted() throws Exception {
        String secret = newSecret();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks/sandbox-bank/endpoint-1";
        assertThat(bank.postJson("/sandbox/webhooks", Map.of("url", url, "secret", secret))
                        .status())
                .isEqualTo(201);
        // Only this test's consent is valid afterwards: one message, which fails once.
        bank.postJson("/sandbox/reset", null);
        Connection connection = bank.connect();
        String accountId = (String) bank.accounts(connection).getFirst().get("resourceId");
        failFirst.set(1);

        bank.postJson(
                "/sandbox/accounts/" + accountId + "/transactions",
                Map.of(
                        "amount",
                        "1250.00",
                        "counterpartyName",
                        "Fjord Fisk AS",
                        "remittanceInformationUnstructured",
                        "Invoice 2024-118 CUS00012345"));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> received.stream()
                                .filter(r ->
                                        new String(r.body(), StandardCharsets.UTF_8).contains(connection.consentId()))
                                .count()
                        >= 2);
        List<Received> mine = received.stream()
                .filter(r -> new String(r.body(), StandardCharsets.UTF_8).contains(connection.consentId()))
                .toList();
        Received retry = mine.get(1);
        assertThat(retry.headers().get("webhook-id"))
                .isEqualTo(mine.getFirst().headers().get("webhook-id"));
        assertThat(retry.headers().get("content-type")).startsWith("application/json");

        // verify independently: HMAC-SHA256(base64-decoded secret, id.timestamp.body), base64, "v1," prefix
        String id = retry.headers().get("webhook-id");
        String timestamp = retry.headers().get("webhook-timestamp");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(retry.body()));
        assertThat(retry.headers().get("webhook-signature").split(" ")).contains(expected);
        assertThat(Math.abs(Long.parseLong(timestamp) - Instant.now().getEpochSecond()))
                .isLessThan(60);

        Map<String, Object> payload = JsonMapper.builder().build().readValue(retry.body(), Map.class);
        assertThat(payload).containsEntry("type", "transactions.available").containsKey("timestamp");
        assertThat(SandboxClient.<String>at(payload, "data", "consentId")).isEqualTo(connection.consentId());
        assertThat(SandboxClient.<String>at(payload, "data", "accountId")).isEqualTo(accountId);
    }

    @Test
    void bookingAPendingTransactionAlsoNotifies() {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks/sandbox-bank/endpoint-1";
        bank.postJson("/sandbox/webhooks", Map.of("url", url, "secret", newSecret()));
        Connection connection = bank.connect();
        String accountId = (String) bank.accounts(connection).getFirst().get("resourceId");
        Reply pending = bank.postJson(
                "/sandbox/accounts/" + accountId + "/transactions", Map.of("status", "pending", "amount", "-10.00"));
        await().atMost(Duration.ofSeconds(10)).until(() -> countFor(connection) >= 1);

        bank.postJson(
                "/sandbox/accounts/" + accountId + "/transactions/"
                        + pending.json().get("transactionId") + "/book",
                null);

        await().atMost(Duration.ofSeconds(10)).until(() -> countFor(connection) >= 2);
    }

    @Test
    void refusesMalformedWebhookSecrets() {
        Reply bad = bank.postJson("/sandbox/webhooks", Map.of("url", "http://127.0.0.1:1/x", "secret", "not-a-secret"));

        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void resetReturnsToTheSameSeededData() {
        Connection before = bank.connect();
        String accountId = (String) bank.accounts(before).getFirst().get("resourceId");
        bank.postJson("/sandbox/reset", null);
        Connection first = bank.connect();
        Reply one = bank.ais(
                "/v1/accounts/" + accountId + "/transactions?bookingStatus=both&dateFrom=2000-01-01&itemsPerPage=100",
                first);

        bank.postJson("/sandbox/accounts/" + accountId + "/transactions", Map.of("amount", "5.00"));
        bank.postJson("/sandbox/reset", null);
        Connection second = bank.connect();
        Reply two = bank.ais(
                "/v1/accounts/" + accountId + "/transactions?bookingStatus=both&dateFrom=2000-01-01&itemsPerPage=100",
                second);

        assertThat(one.status()).isEqualTo(200);
        assertThat(at(two.json(), "transactions", "booked").toString())
                .isEqualTo(at(one.json(), "transactions", "booked").toString());
        assertThat(bank.ais("/v1/accounts", before).status())
                .as("tokens from before the reset")
                .isEqualTo(401);
    }

    private long countFor(Connection connection) {
        return received.stream()
                .filter(r -> new String(r.body(), StandardCharsets.UTF_8).contains(connection.consentId()))
                .count();
    }

    private static String newSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
