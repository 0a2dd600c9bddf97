package io.bankflow.localstack.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox bank (deploy/sandbox-bank) from the outside: its test controls under {@code /sandbox} (loopback only)
 * and, playing the sandbox customer's browser, its OAuth authorization endpoint, which approves automatically.
 */
public final class SandboxBank {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final URI base;
    private final HttpClient http;

    public SandboxBank(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** An account of the sandbox customer, as {@code GET /sandbox} lists it. */
    public record Account(String resourceId, String iban, String currency, String name, BigDecimal closingBooked) {}

    /** {@code GET /sandbox}: the accounts and the webhook targets. */
    public record Overview(List<Account> accounts, List<String> webhooks) {

        /** The first account in that currency whose IBAN starts with {@code country}. */
        public Account account(String country, String currency) {
            return accounts.stream()
                    .filter(account -> account.currency().equals(currency)
                            && account.iban().startsWith(country))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "the sandbox bank has no " + currency + " account in " + country));
        }
    }

    /** An entry the bank posted: ids as the bank gives them. */
    public record PostedTransaction(
            String accountId,
            String status,
            String transactionId,
            String entryReference,
            LocalDate bookingDate,
            Map<String, String> transactionAmount) {}

    public Overview overview() {
        return call("GET", "/sandbox", null, 200).as(Overview.class);
    }

    /**
     * Money arrives now on the account (booked today, the counterparty as debtor); the bank sends its webhooks.
     *
     * @param amount positive, at most 2 decimals
     */
    public PostedTransaction deposit(
            String resourceId, BigDecimal amount, String counterpartyName, String remittanceInformation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount.toPlainString());
        body.put("counterpartyName", counterpartyName);
        body.put("remittanceInformationUnstructured", remittanceInformation);
        body.put("bankTransactionCode", "PMNT-RCDT-DMCT");
        return call("POST", "/sandbox/accounts/" + resourceId + "/transactions", Json.write(body), 201)
                .as(PostedTransaction.class);
    }

    /** Adds a webhook target (or replaces its secret): the bank signs with {@code secret} (Standard Webhooks). */
    public void subscribeWebhooks(URI target, String secret) {
        call("POST", "/sandbox/webhooks", Json.write(Map.of("url", target.toString(), "secret", secret)), 201);
    }

    /**
     * The sandbox customer opens the authorization URL; the bank logs them in and approves the consent on its own
     * and answers a redirect. Returns where it redirects to: Bankflow's callback with the code and the state (not to
     * be printed: the code is a credential until it is exchanged).
     */
    public URI authorize(URI authorizationUrl) {
        if (!authorizationUrl.getPath().startsWith("/oauth2/authorize")) {
            throw new IllegalStateException(
                    "not the sandbox bank's authorization endpoint: " + authorizationUrl.getPath());
        }
        ApiResponse answer = send("GET", authorizationUrl, null);
        if (answer.status() != 302 && answer.status() != 303) {
            throw new ApiException(answer);
        }
        URI location = URI.create(answer.header("Location")
                .orElseThrow(() -> new IllegalStateException("the bank's redirect has no Location")));
        if (location.getRawQuery() == null || !location.getRawQuery().contains("code=")) {
            // error=access_denied and friends: say which (the rest of the query is the state, not for printing).
            String error = location.getRawQuery() == null
                    ? "no code"
                    : Arrays.stream(location.getRawQuery().split("&"))
                            .filter(parameter -> parameter.startsWith("error="))
                            .findFirst()
                            .orElse("no code");
            throw new IllegalStateException("the bank did not approve the consent: " + error);
        }
        return location;
    }

    private ApiResponse call(String method, String path, String body, int expected) {
        ApiResponse answer = send(method, base.resolve(path), body);
        return GatewayClient.expect(answer, expected);
    }

    private ApiResponse send(String method, URI url, String body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(method, url.getPath(), response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the sandbox bank at " + base + " does not answer " + method + " " + url.getPath() + ": "
                            + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
