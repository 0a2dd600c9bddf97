package io.bankflow.sandboxbank.controls;

import io.bankflow.sandboxbank.bank.application.Bank;
import io.bankflow.sandboxbank.bank.domain.Account;
import io.bankflow.sandboxbank.bank.domain.Balances;
import io.bankflow.sandboxbank.bank.domain.ConsentStatus;
import io.bankflow.sandboxbank.bank.domain.NewTransaction;
import io.bankflow.sandboxbank.bank.domain.SeedData;
import io.bankflow.sandboxbank.bank.domain.Transaction;
import io.bankflow.sandboxbank.oauth.domain.AuthorizationServer;
import io.bankflow.sandboxbank.oauth.web.ConsentScreen;
import io.bankflow.sandboxbank.webhooks.WebhookDispatcher;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test controls: not part of the bank's public API. They make the bank do what a real bank does on its own (money
 * arrives, a pending entry books, a token or consent expires, the customer refuses, the API fails or throttles) at
 * the moment a test or a user wants it. Guarded by {@link ControlsGuard}.
 */
@RestController
@RequestMapping(path = "/sandbox", produces = MediaType.APPLICATION_JSON_VALUE)
class ControlsController {

    private static final Set<Integer> FAILURE_STATUSES = Set.of(400, 401, 403, 404, 408, 409, 500, 502, 503, 504);

    private final Bank bank;
    private final AuthorizationServer authorizationServer;
    private final ConsentScreen consentScreen;
    private final Faults faults;
    private final WebhookDispatcher webhooks;
    private final Clock clock;

    ControlsController(
            Bank bank,
            AuthorizationServer authorizationServer,
            ConsentScreen consentScreen,
            Faults faults,
            WebhookDispatcher webhooks,
            Clock clock) {
        this.bank = bank;
        this.authorizationServer = authorizationServer;
        this.consentScreen = consentScreen;
        this.faults = faults;
        this.webhooks = webhooks;
        this.clock = clock;
        bank.onReset(reset -> {
            consentScreen.reset();
            faults.clear();
        });
    }

    /** The sandbox customer, its accounts and balances (resource ids to use with the other controls). */
    @GetMapping
    Map<String, Object> overview() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer", Map.of("psuId", SeedData.PSU_ID, "name", SeedData.CUSTOMER_NAME));
        body.put("accounts", bank.accounts().stream().map(this::accountSummary).toList());
        body.put("faults", faults.describe());
        body.put("refuseNextAuthorisations", consentScreen.pendingRefusals());
        body.put(
                "webhooks",
                webhooks.subscriptions().stream().map(s -> s.url().toString()).toList());
        return body;
    }

    /** Request body of {@code POST /sandbox/accounts/{id}/transactions}. */
    record PostTransaction(
            @Nullable String status,
            @Nullable String amount,
            @Nullable String currency,
            @Nullable String remittanceInformationUnstructured,
            @Nullable String counterpartyName,
            @Nullable String counterpartyIban,
            @Nullable String endToEndId,
            @Nullable String bankTransactionCode,
            @Nullable LocalDate bookingDate,
            @Nullable LocalDate valueDate) {}

    /** Money in (positive amount) or out (negative) on an account, booked (default) or pending; notifies webhooks. */
    @PostMapping("/accounts/{accountId}/transactions")
    ResponseEntity<Map<String, Object>> postTransaction(
            @PathVariable String accountId, @RequestBody PostTransaction request) {
        Account account = account(accountId);
        if (request.amount() == null) {
            throw new IllegalArgumentException("amount is required (a signed decimal string, e.g. \"1250.00\")");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(request.amount());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("amount must be a decimal number");
        }
        if (amount.signum() == 0 || amount.scale() > 2) {
            throw new IllegalArgumentException("amount must be non-zero with at most 2 decimals");
        }
        if (request.currency() != null && !request.currency().equals(account.currency())) {
            throw new IllegalArgumentException("The account's currency is " + account.currency());
        }
        Transaction.Status status = switch (request.status() == null ? "booked" : request.status()) {
            case "booked" -> Transaction.Status.BOOKED;
            case "pending" -> Transaction.Status.PENDING;
            default -> throw new IllegalArgumentException("status must be booked or pending");
        };
        Transaction posted = bank.post(
                accountId,
                new NewTransaction(
                        status,
                        amount,
                        request.bookingDate(),
                        request.valueDate(),
                        request.counterpartyName(),
                        request.counterpartyIban(),
                        request.remittanceInformationUnstructured(),
                        request.endToEndId(),
                        request.bankTransactionCode()));
        return ResponseEntity.status(HttpStatus.CREATED).body(transaction(posted));
    }

    /** A pending entry books: it gets a new transactionId and keeps its entryReference; notifies webhooks. */
    @PostMapping("/accounts/{accountId}/transactions/{transactionId}/book")
    Map<String, Object> book(@PathVariable String accountId, @PathVariable String transactionId) {
        account(accountId);
        return transaction(bank.book(accountId, transactionId));
    }

    /** Access tokens expire now: all of them, or those of one consent ({@code {"consentId": ...}}). */
    @PostMapping("/tokens/expire")
    Map<String, Object> expireTokens(@RequestBody(required = false) @Nullable Map<String, String> request) {
        String consentId = request == null ? null : request.get("consentId");
        return Map.of("expired", authorizationServer.expireAccessTokens(consentId, clock.instant()));
    }

    /** Access and refresh tokens are revoked: all, or those of one consent. */
    @PostMapping("/tokens/revoke")
    Map<String, Object> revokeTokens(@RequestBody(required = false) @Nullable Map<String, String> request) {
        String consentId = request == null ? null : request.get("consentId");
        return Map.of("revokedGrants", authorizationServer.revokeAll(consentId));
    }

    /** The consent expires now (as if validUntil had passed). */
    @PostMapping("/consents/{consentId}/expire")
    Map<String, Object> expireConsent(@PathVariable String consentId) {
        return endConsent(consentId, ConsentStatus.EXPIRED);
    }

    /** The customer revokes the consent at the bank ({@code revokedByPsu}); its tokens stop working. */
    @PostMapping("/consents/{consentId}/revoke")
    Map<String, Object> revokeConsent(@PathVariable String consentId) {
        Map<String, Object> answer = endConsent(consentId, ConsentStatus.REVOKED_BY_PSU);
        authorizationServer.revokeAll(consentId);
        return answer;
    }

    /** The customer refuses the next {@code count} (default 1) authorisations: {@code error=access_denied}. */
    @PostMapping("/authorisations/refuse-next")
    Map<String, Object> refuseNext(@RequestBody(required = false) @Nullable Map<String, Integer> request) {
        int count = request == null || request.get("count") == null ? 1 : request.get("count");
        consentScreen.refuseNext(count);
        return Map.of("refuseNextAuthorisations", consentScreen.pendingRefusals());
    }

    /** The next {@code count} AIS calls answer {@code status} (e.g. 500, 503). */
    @PostMapping("/faults")
    Map<String, Object> fail(@RequestBody Map<String, Integer> request) {
        int status = request.getOrDefault("status", 503);
        if (!FAILURE_STATUSES.contains(status)) {
            throw new IllegalArgumentException(
                    "status must be one of " + FAILURE_STATUSES + " (use /sandbox/rate-limit for 429)");
        }
        faults.failNext(request.getOrDefault("count", 1), status);
        return faults.describe();
    }

    /** The next {@code count} AIS calls answer 429 with {@code Retry-After: retryAfterSeconds}. */
    @PostMapping("/rate-limit")
    Map<String, Object> rateLimit(@RequestBody Map<String, Integer> request) {
        faults.rateLimitNext(
                request.getOrDefault("count", 1), Duration.ofSeconds(request.getOrDefault("retryAfterSeconds", 30)));
        return faults.describe();
    }

    @DeleteMapping("/faults")
    Map<String, Object> clearFaults() {
        faults.clear();
        return faults.describe();
    }

    /** Back to the seed: accounts, transactions, consents, tokens, queued faults and refusals (webhooks stay). */
    @PostMapping("/reset")
    Map<String, Object> reset() {
        bank.reset();
        return overview();
    }

    /** Adds a webhook target (or replaces its secret): {@code {"url": ..., "secret": "whsec_..."}}. */
    @PostMapping("/webhooks")
    ResponseEntity<Map<String, Object>> subscribe(@RequestBody Map<String, String> request) {
        String url = request.get("url");
        String secret = request.get("secret");
        if (url == null || secret == null) {
            throw new IllegalArgumentException("url and secret (whsec_...) are required");
        }
        WebhookDispatcher.Subscription subscription = webhooks.subscribe(URI.create(url), secret);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("url", subscription.url().toString()));
    }

    /** The targets and the last deliveries (attempts, last status, outcome). */
    @GetMapping("/webhooks")
    Map<String, Object> webhooks() {
        return Map.of(
                "targets",
                        webhooks.subscriptions().stream()
                                .map(s -> s.url().toString())
                                .toList(),
                "deliveries", webhooks.deliveries());
    }

    @DeleteMapping("/webhooks")
    ResponseEntity<Void> unsubscribe() {
        webhooks.unsubscribeAll();
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException error) {
        return ResponseEntity.badRequest()
                .body(Map.of("error", "invalid_request", "error_description", String.valueOf(error.getMessage())));
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, Object>> conflict(IllegalStateException error) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Map.of("error", "conflict", "error_description", String.valueOf(error.getMessage())));
    }

    private Map<String, Object> endConsent(String consentId, ConsentStatus status) {
        return bank.end(consentId, status)
                .<Map<String, Object>>map(consent -> Map.of(
                        "consentId",
                        consentId,
                        "consentStatus",
                        consent.status().json()))
                .orElseThrow(() -> new NotFound("No consent " + consentId));
    }

    private Account account(String accountId) {
        return bank.account(accountId).orElseThrow(() -> new NotFound("No account " + accountId));
    }

    private Map<String, Object> accountSummary(Account account) {
        Balances balances = bank.balances(account.resourceId());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("resourceId", account.resourceId());
        summary.put("iban", account.iban());
        summary.put("currency", account.currency());
        summary.put("name", account.name());
        summary.put("openingBalance", account.openingBalance().toPlainString());
        summary.put("closingBooked", balances.closingBooked().toPlainString());
        summary.put("expected", balances.expected().toPlainString());
        List<Transaction> pending = bank.transactions(account.resourceId()).stream()
                .filter(t -> !t.isBooked())
                .toList();
        summary.put(
                "pendingTransactionIds",
                pending.stream().map(Transaction::transactionId).toList());
        return summary;
    }

    private static Map<String, Object> transaction(Transaction transaction) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("accountId", transaction.accountId());
        json.put("status", transaction.isBooked() ? "booked" : "pending");
        json.put("transactionId", transaction.transactionId());
        json.put("entryReference", transaction.entryReference());
        if (transaction.bookingDate() != null) {
            json.put("bookingDate", transaction.bookingDate().toString());
        }
        json.put("valueDate", transaction.valueDate().toString());
        json.put(
                "transactionAmount",
                Map.of(
                        "currency",
                        transaction.currency(),
                        "amount",
                        transaction.amount().toPlainString()));
        if (transaction.remittanceInformationUnstructured() != null) {
            json.put("remittanceInformationUnstructured", transaction.remittanceInformationUnstructured());
        }
        return json;
    }

    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.NOT_FOUND)
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, Object>> notFound(NotFound error) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Map.of("error", "not_found", "error_description", String.valueOf(error.getMessage())));
    }
}
