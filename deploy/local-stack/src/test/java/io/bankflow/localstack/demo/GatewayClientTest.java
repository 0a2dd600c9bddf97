package io.bankflow.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo's client against a scripted gateway (a JDK HttpServer): what it sends, reads and never prints. */
class GatewayClientTest {

    private static final UUID EXISTING = UUID.fromString("7d9c1f64-3b2a-4c1e-9f00-0a1b2c3d4e5f");

    private HttpServer server;
    private final List<String> requests = new ArrayList<>();
    private final Map<String, Answer> answers = new java.util.HashMap<>();
    private GatewayClient client;

    private record Answer(int status, String contentType, String body) {}

    @BeforeEach
    void startTheScriptedGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        client = new GatewayClient(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anAccountRegisteredBeforeIsFoundByTheIdTheConflictNames() {
        answers.put("POST /api/banking/accounts", new Answer(409, "application/problem+json", """
                {"type":"https://bankflow.io/problems/iban-already-registered","title":"IBAN already registered",
                 "status":409,"existingId":"%s"}""".formatted(EXISTING)));
        answers.put(
                "GET /api/banking/accounts/" + EXISTING, new Answer(200, "application/json", """
                {"id":"%s","glCode":"1920","currency":"NOK","maskedIban":"NO32 **** **** 1828","name":"Driftskonto",
                 "active":true,"connectionId":null,"createdAt":"2026-11-21T08:00:00Z","unknownMember":1}""".formatted(EXISTING)));

        GatewayClient.Registered<Api.BankAccount> registered =
                client.registerAccount(new AccessToken("t0k3n"), "1920", "NOK", "NO3215039811828", "Driftskonto");

        assertThat(registered.created()).isFalse();
        assertThat(registered.value().id()).isEqualTo(EXISTING);
        assertThat(registered.value().maskedIban()).isEqualTo("NO32 **** **** 1828");
        assertThat(requests)
                .containsExactly(
                        "POST /api/banking/accounts Bearer t0k3n",
                        "GET /api/banking/accounts/" + EXISTING + " Bearer t0k3n");
    }

    @Test
    void aRefusedCallbackNamesTheProblemButNeverTheCodeOrState() {
        answers.put("GET /oauth/callback", new Answer(400, "application/problem+json", """
                {"type":"https://bankflow.io/problems/invalid-oauth-state","title":"Invalid OAuth state","status":400,
                 "detail":"The state is unknown, expired or used."}"""));

        assertThatThrownBy(() -> client.completeAuthorization(
                        URI.create("http://127.0.0.1:18600/oauth/callback?code=S3CR3TC0DE&state=ST4TE&iss=x")))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("400")
                .hasMessageContaining("invalid-oauth-state")
                .hasMessageNotContaining("S3CR3TC0DE")
                .hasMessageNotContaining("ST4TE");
        assertThat(requests).containsExactly("GET /oauth/callback no-token");
    }

    @Test
    void credentialsStayOutOfEveryPrintedForm() {
        Api.Connection connection = new Api.Connection(
                EXISTING,
                "PENDING_CONSENT",
                "created",
                "sandbox-bank",
                "sandbox",
                EXISTING,
                "consent-1",
                null,
                null,
                null,
                null,
                URI.create("http://127.0.0.1:18670/oauth2/authorize?state=ST4TE&code_challenge=abc"));
        Api.WebhookEndpoint endpoint = new Api.WebhookEndpoint(
                EXISTING, "sandbox-bank", "/webhooks/sandbox-bank/x", "whsec_S3CR3T", true, null);

        assertThat(new AccessToken("eyJhbGciOi.secret").toString()).doesNotContain("eyJ");
        assertThat(connection.toString()).doesNotContain("ST4TE").contains("PENDING_CONSENT");
        assertThat(endpoint.toString()).doesNotContain("whsec_").contains("/webhooks/sandbox-bank/x");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(
                exchange.getRequestMethod() + " " + path + " " + (authorization == null ? "no-token" : authorization));
        Answer answer = answers.getOrDefault(
                exchange.getRequestMethod() + " " + path, new Answer(404, "application/problem+json", "{}"));
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
