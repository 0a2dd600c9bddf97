package io.bankflow.localstack.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;

/**
 * Bankflow's public API through the gateway, typed for what the demo and the system tests do, plus the raw calls
 * ({@link #get}, {@link #post}, {@link #send}) for checking statuses and problems. Redirects are never followed (the
 * OAuth flow is driven step by step); typed calls throw {@link ApiException} on an unexpected status.
 */
public final class GatewayClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final int PAGE_SIZE = 100;

    private final URI gateway;
    private final HttpClient http;

    public GatewayClient(URI gateway) {
        this.gateway = gateway;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public URI baseUrl() {
        return gateway;
    }

    /** An absolute URL on the gateway for a path such as {@code /webhooks/sandbox-bank/<id>}. */
    public URI url(String path) {
        return gateway.resolve(path);
    }

    // ---- raw ----------------------------------------------------------------------------------------------------

    public ApiResponse get(String path, AccessToken token) {
        return send("GET", url(path), token, null, Map.of());
    }

    public ApiResponse post(String path, AccessToken token, Object body) {
        return post(path, token, body, Map.of());
    }

    public ApiResponse post(String path, AccessToken token, Object body, Map<String, String> headers) {
        return send("POST", url(path), token, body instanceof String text ? text : Json.write(body), headers);
    }

    public ApiResponse delete(String path, AccessToken token) {
        return send("DELETE", url(path), token, null, Map.of());
    }

    /**
     * Any request. {@code token} may be null (no Authorization header); {@code body} is JSON text or null.
     * {@code headers} may set {@code Authorization} itself (a malformed one, in a test).
     */
    public ApiResponse send(String method, URI url, AccessToken token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token.value());
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::setHeader);
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            // The path only: a query may carry an authorization code (the OAuth callback).
            return new ApiResponse(method, url.getPath(), response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url.getPath() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ---- bank accounts and connections (connection-service) -----------------------------------------------------

    /**
     * Registers an account, or finds the organisation's account with that IBAN (an IBAN is registered once per
     * organisation: 409 {@code iban-already-registered} names it).
     */
    public Registered<Api.BankAccount> registerAccount(
            AccessToken token, String glCode, String currency, String iban, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("glCode", glCode);
        body.put("currency", currency);
        body.put("iban", iban);
        body.put("name", name);
        ApiResponse created = post("/api/banking/accounts", token, body);
        if (created.status() == 201) {
            return new Registered<>(created.as(Api.BankAccount.class), true);
        }
        if (created.status() == 409 && problemType(created).endsWith("iban-already-registered")) {
            UUID existing = UUID.fromString(created.json().path("existingId").asString());
            return new Registered<>(account(token, existing), false);
        }
        throw new ApiException(created);
    }

    public Api.BankAccount account(AccessToken token, UUID id) {
        return expect(get("/api/banking/accounts/" + id, token), 200).as(Api.BankAccount.class);
    }

    /** Starts connecting the account to the sandbox bank: the answer carries the bank's authorization URL. */
    public Api.Connection connectToSandboxBank(AccessToken token, UUID bankAccountId) {
        ApiResponse created = post(
                "/api/banking/connections",
                token,
                Map.of("provider", "sandbox-bank", "bankAccountId", bankAccountId, "environment", "sandbox"));
        return expect(created, 201).as(Api.Connection.class);
    }

    public Api.Connection connection(AccessToken token, UUID id) {
        return expect(get("/api/banking/connections/" + id, token), 200).as(Api.Connection.class);
    }

    /**
     * Follows the bank's redirect back to Bankflow as a non-browser client would: {@code callback} is the bank's
     * {@code Location} (the gateway's {@code /oauth/callback} with the code and state). No token: the state is the
     * credential.
     */
    public Api.CallbackResult completeAuthorization(URI callback) {
        if (!callback.getPath().equals("/oauth/callback")) {
            throw new IllegalStateException("the bank redirected to " + callback.getPath() + ", not /oauth/callback");
        }
        // Always this stack's gateway: only the query (state and code) comes from the bank's redirect.
        URI onGateway = URI.create(url("/oauth/callback") + "?" + callback.getRawQuery());
        return expect(send("GET", onGateway, null, null, Map.of()), 200).as(Api.CallbackResult.class);
    }

    // ---- sync jobs (sync-service) -------------------------------------------------------------------------------

    /** Requests a MANUAL sync of the connection (dates optional): 202 with the queued job. */
    public Api.SyncJob requestSync(AccessToken token, UUID connectionId, LocalDate dateFrom, LocalDate dateTo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("connectionId", connectionId);
        if (dateFrom != null) {
            body.put("dateFrom", dateFrom.toString());
        }
        if (dateTo != null) {
            body.put("dateTo", dateTo.toString());
        }
        return expect(post("/api/banking/sync-jobs", token, body), 202).as(Api.SyncJob.class);
    }

    public Api.SyncJob syncJob(AccessToken token, UUID id) {
        return expect(get("/api/banking/sync-jobs/" + id, token), 200).as(Api.SyncJob.class);
    }

    /** The connection's sync jobs, newest first (every page). */
    public List<Api.SyncJob> syncJobs(AccessToken token, UUID connectionId) {
        return all("/api/banking/sync-jobs?connectionId=" + connectionId, token, new TypeReference<>() {});
    }

    /** The organisation's newest sync jobs, of every connection (one page of {@code limit}). */
    public List<Api.SyncJob> latestSyncJobs(AccessToken token, int limit) {
        return expect(get("/api/banking/sync-jobs?limit=" + limit, token), 200)
                .as(new TypeReference<Api.Page<Api.SyncJob>>() {})
                .items();
    }

    // ---- reconciliation ----------------------------------------------------------------------------------------

    /**
     * Registers an expected payment for a customer code, or finds the active one (one active expected payment per
     * code: 409 {@code customer-code-in-use} names it).
     */
    public Registered<Api.ExpectedPayment> expectPayments(AccessToken token, String customerCode, String customerName) {
        ApiResponse created = post(
                "/api/banking/expected-payments",
                token,
                Map.of("customerCode", customerCode, "customerName", customerName));
        if (created.status() == 201) {
            return new Registered<>(created.as(Api.ExpectedPayment.class), true);
        }
        if (created.status() == 409 && problemType(created).endsWith("customer-code-in-use")) {
            UUID existing = UUID.fromString(created.json().path("existingId").asString());
            return new Registered<>(
                    expect(get("/api/banking/expected-payments/" + existing, token), 200)
                            .as(Api.ExpectedPayment.class),
                    false);
        }
        throw new ApiException(created);
    }

    /** Deposit matches of one account, newest first (every page). */
    public List<Api.DepositMatch> matches(AccessToken token, UUID accountId) {
        return all("/api/banking/reconciliation/matches?accountId=" + accountId, token, new TypeReference<>() {});
    }

    /** The newest deposit matches of one account (one page of {@code limit}). */
    public List<Api.DepositMatch> latestMatches(AccessToken token, UUID accountId, int limit) {
        return expect(get("/api/banking/reconciliation/matches?accountId=" + accountId + "&limit=" + limit, token), 200)
                .as(new TypeReference<Api.Page<Api.DepositMatch>>() {})
                .items();
    }

    /** Review items with that status ({@code OPEN}, {@code RESOLVED}, {@code DISMISSED}), oldest first. */
    public List<Api.ReviewItem> reviewQueue(AccessToken token, String status) {
        return all("/api/banking/review-queue?status=" + status, token, new TypeReference<>() {});
    }

    // ---- cashflow -----------------------------------------------------------------------------------------------

    public Api.Cashflow cashflow(
            AccessToken token, UUID accountId, String currency, int historyDays, int forecastDays) {
        String query = "accountId=" + accountId + "&currency=" + encode(currency) + "&historyDays=" + historyDays
                + "&forecastDays=" + forecastDays;
        return expect(get("/api/banking/cashflow?" + query, token), 200).as(Api.Cashflow.class);
    }

    // ---- webhook endpoints (webhook-ingest-service) -------------------------------------------------------------

    /** Every webhook endpoint of the organisation, newest first (without secrets). */
    public List<Api.WebhookEndpoint> webhookEndpoints(AccessToken token) {
        return all("/api/banking/webhook-endpoints", token, new TypeReference<>() {});
    }

    /** A new endpoint with a generated signing secret (only in this answer). */
    public Api.WebhookEndpoint createWebhookEndpoint(AccessToken token, String provider) {
        return expect(post("/api/banking/webhook-endpoints", token, Map.of("provider", provider)), 201)
                .as(Api.WebhookEndpoint.class);
    }

    // ---- plumbing -----------------------------------------------------------------------------------------------

    /** The response when its status is one of {@code statuses}; else an {@link ApiException}. */
    public static ApiResponse expect(ApiResponse response, Integer... statuses) {
        if (!Set.of(statuses).contains(response.status())) {
            throw new ApiException(response);
        }
        return response;
    }

    private <T> List<T> all(String path, AccessToken token, TypeReference<Api.Page<T>> page) {
        List<T> items = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        String cursor = null;
        do {
            String query = separator + "limit=" + PAGE_SIZE + (cursor == null ? "" : "&cursor=" + encode(cursor));
            Api.Page<T> answer = expect(get(path + query, token), 200).as(page);
            items.addAll(answer.items());
            cursor = answer.nextCursor();
        } while (cursor != null);
        return items;
    }

    private static String problemType(ApiResponse response) {
        return response.problem().map(Api.Problem::type).orElse("");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Something registered now, or found already there (running the demo again changes nothing).
     *
     * @param value the object
     * @param created whether this call created it
     */
    public record Registered<T>(T value, boolean created) {}
}
