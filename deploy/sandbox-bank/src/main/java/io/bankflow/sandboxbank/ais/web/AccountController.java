package io.bankflow.sandboxbank.ais.web;

import io.bankflow.sandboxbank.SandboxBankProperties;
import io.bankflow.sandboxbank.bank.application.Bank;
import io.bankflow.sandboxbank.bank.domain.Account;
import io.bankflow.sandboxbank.bank.domain.Consent;
import io.bankflow.sandboxbank.bank.domain.ConsentStatus;
import io.bankflow.sandboxbank.bank.domain.Transaction;
import io.bankflow.sandboxbank.bank.domain.TransactionPage;
import io.bankflow.sandboxbank.bank.domain.TransactionQuery;
import io.bankflow.sandboxbank.oauth.domain.AuthorizationServer;
import io.bankflow.sandboxbank.oauth.domain.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Berlin Group AIS reads: account list and details, balances, transactions (paged) and transaction details. Each
 * call needs {@code Consent-ID} and a bearer access token issued for that consent; reads without the customer present
 * (no {@code PSU-IP-Address}) count against the consent's {@code frequencyPerDay}.
 */
@RestController
class AccountController {

    private static final String BEARER = "Bearer realm=\"sandbox-bank\"";
    private static final Set<String> BOOKING_STATUSES = Set.of("booked", "pending", "both");

    private final Bank bank;
    private final AuthorizationServer authorizationServer;
    private final SandboxBankProperties.Ais settings;
    private final Clock clock;

    AccountController(
            Bank bank, AuthorizationServer authorizationServer, SandboxBankProperties properties, Clock clock) {
        this.bank = bank;
        this.authorizationServer = authorizationServer;
        this.settings = properties.ais();
        this.clock = clock;
    }

    @GetMapping(path = "/v1/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> accounts(
            @RequestHeader(name = "Consent-ID", required = false) @Nullable String consentId,
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @RequestHeader(name = "PSU-IP-Address", required = false) @Nullable String psuIpAddress) {
        Consent consent = authorise(consentId, authorization);
        countRead(consent, "accounts", psuIpAddress);
        List<String> ibans = bank.accounts().stream().map(Account::iban).toList();
        Set<String> listed = consent.access().listed(ibans);
        List<Map<String, Object>> accounts = bank.accounts().stream()
                .filter(account -> listed.contains(account.iban()))
                .map(account -> BerlinGroupJson.account(
                        account,
                        consent.access().allowsBalances(account.iban()),
                        consent.access().allowsTransactions(account.iban())))
                .toList();
        return Map.of("accounts", accounts);
    }

    @GetMapping(path = "/v1/accounts/{accountId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> account(
            @PathVariable String accountId,
            @RequestHeader(name = "Consent-ID", required = false) @Nullable String consentId,
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @RequestHeader(name = "PSU-IP-Address", required = false) @Nullable String psuIpAddress) {
        Consent consent = authorise(consentId, authorization);
        Account account = account(accountId);
        if (!consent.access().allowsDetails(account.iban())) {
            throw consentInvalid("The consent does not cover this account");
        }
        countRead(consent, accountId, psuIpAddress);
        return Map.of(
                "account",
                BerlinGroupJson.account(
                        account,
                        consent.access().allowsBalances(account.iban()),
                        consent.access().allowsTransactions(account.iban())));
    }

    @GetMapping(path = "/v1/accounts/{accountId}/balances", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> balances(
            @PathVariable String accountId,
            @RequestHeader(name = "Consent-ID", required = false) @Nullable String consentId,
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @RequestHeader(name = "PSU-IP-Address", required = false) @Nullable String psuIpAddress) {
        Consent consent = authorise(consentId, authorization);
        Account account = account(accountId);
        if (!consent.access().allowsBalances(account.iban())) {
            throw consentInvalid("The consent does not cover the balances of this account");
        }
        countRead(consent, accountId, psuIpAddress);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account", BerlinGroupJson.accountReference(account));
        body.put("balances", BerlinGroupJson.balances(account, bank.balances(accountId), bank.today()));
        return body;
    }

    /**
     * The transaction list. {@code bookingStatus} (booked, pending, both) is required; booked entries need
     * {@code dateFrom}. Pages are cut from one ledger version (the {@code snapshot} of the {@code next} link), so
     * walking the links neither repeats nor skips entries while new ones arrive.
     */
    @GetMapping(path = "/v1/accounts/{accountId}/transactions", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> transactions(
            @PathVariable String accountId,
            @RequestParam(required = false) @Nullable String dateFrom,
            @RequestParam(required = false) @Nullable String dateTo,
            @RequestParam(required = false) @Nullable String bookingStatus,
            @RequestParam(required = false) @Nullable String entryReferenceFrom,
            @RequestParam(required = false) @Nullable Boolean deltaList,
            @RequestParam(required = false) @Nullable Boolean withBalance,
            @RequestParam(required = false) @Nullable Integer pageIndex,
            @RequestParam(required = false) @Nullable Integer itemsPerPage,
            @RequestParam(required = false) @Nullable Long snapshot,
            @RequestHeader(name = "Consent-ID", required = false) @Nullable String consentId,
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @RequestHeader(name = "PSU-IP-Address", required = false) @Nullable String psuIpAddress) {
        Consent consent = authorise(consentId, authorization);
        Account account = account(accountId);
        if (!consent.access().allowsTransactions(account.iban())) {
            throw consentInvalid("The consent does not cover the transactions of this account");
        }
        if (bookingStatus == null) {
            throw BerlinGroupException.formatError("The query parameter bookingStatus is missing");
        }
        if ("information".equals(bookingStatus)) {
            throw new BerlinGroupException(
                    HttpStatus.BAD_REQUEST,
                    "PARAMETER_NOT_SUPPORTED",
                    "bookingStatus=information (standing orders) is not supported by this bank");
        }
        if (!BOOKING_STATUSES.contains(bookingStatus)) {
            throw BerlinGroupException.formatError("bookingStatus must be booked, pending or both");
        }
        if (entryReferenceFrom != null || Boolean.TRUE.equals(deltaList)) {
            throw new BerlinGroupException(
                    HttpStatus.BAD_REQUEST,
                    "PARAMETER_NOT_SUPPORTED",
                    "Delta reports (entryReferenceFrom, deltaList) are not supported by this bank");
        }
        boolean wantsBooked = !"pending".equals(bookingStatus);
        LocalDate today = bank.today();
        LocalDate from = dateFrom != null ? date("dateFrom", dateFrom) : null;
        if (from == null && wantsBooked) {
            throw BerlinGroupException.formatError("dateFrom is required for bookingStatus=" + bookingStatus);
        }
        LocalDate to = dateTo != null ? date("dateTo", dateTo) : today;
        if (from != null && from.isAfter(to)) {
            throw new BerlinGroupException(HttpStatus.BAD_REQUEST, "PERIOD_INVALID", "dateFrom is after dateTo");
        }
        int page = pageIndex != null ? pageIndex : 0;
        int size = itemsPerPage != null ? itemsPerPage : settings.pageSize();
        if (page < 0 || size < 1 || size > settings.maxPageSize()) {
            throw BerlinGroupException.formatError(
                    "pageIndex must be >= 0 and itemsPerPage between 1 and " + settings.maxPageSize());
        }
        if (snapshot == null && page == 0) {
            countRead(consent, accountId, psuIpAddress); // follow-up pages belong to the same read
        }
        TransactionPage result = bank.transactions(new TransactionQuery(
                accountId,
                from != null ? from : LocalDate.MIN,
                to,
                wantsBooked,
                !"booked".equals(bookingStatus),
                snapshot,
                page,
                size));

        Map<String, Object> links = new LinkedHashMap<>();
        links.put("account", BerlinGroupJson.href("/v1/accounts/" + accountId));
        if (result.hasNext()) {
            UriComponentsBuilder next = UriComponentsBuilder.fromPath("/v1/accounts/" + accountId + "/transactions");
            if (from != null) {
                next.queryParam("dateFrom", from);
            }
            next.queryParam("dateTo", to)
                    .queryParam("bookingStatus", bookingStatus)
                    .queryParam("itemsPerPage", size)
                    .queryParam("pageIndex", page + 1)
                    .queryParam("snapshot", result.snapshot());
            links.put("next", BerlinGroupJson.href(next.build().toUriString()));
        }
        Map<String, Object> report = new LinkedHashMap<>();
        if (wantsBooked) {
            report.put(
                    "booked",
                    result.booked().stream().map(BerlinGroupJson::transaction).toList());
        }
        if (!"booked".equals(bookingStatus)) {
            report.put(
                    "pending",
                    result.pending().stream().map(BerlinGroupJson::transaction).toList());
        }
        report.put("_links", links);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account", BerlinGroupJson.accountReference(account));
        body.put("transactions", report);
        if (Boolean.TRUE.equals(withBalance) && consent.access().allowsBalances(account.iban())) {
            body.put("balances", BerlinGroupJson.balances(account, bank.balances(accountId), today));
        }
        return body;
    }

    @GetMapping(
            path = "/v1/accounts/{accountId}/transactions/{transactionId}",
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> transaction(
            @PathVariable String accountId,
            @PathVariable String transactionId,
            @RequestHeader(name = "Consent-ID", required = false) @Nullable String consentId,
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @RequestHeader(name = "PSU-IP-Address", required = false) @Nullable String psuIpAddress) {
        Consent consent = authorise(consentId, authorization);
        Account account = account(accountId);
        if (!consent.access().allowsTransactions(account.iban())) {
            throw consentInvalid("The consent does not cover the transactions of this account");
        }
        Transaction transaction = bank.transaction(accountId, transactionId)
                .orElseThrow(() -> new BerlinGroupException(
                        HttpStatus.NOT_FOUND, "RESOURCE_UNKNOWN", "The transaction " + transactionId + " is unknown"));
        countRead(consent, accountId, psuIpAddress);
        Map<String, Object> details = BerlinGroupJson.transaction(transaction);
        details.remove("_links");
        return Map.of("transactionsDetails", details);
    }

    /** The bearer token must be current and issued for the consent in {@code Consent-ID}, which must be valid. */
    private Consent authorise(@Nullable String consentId, @Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new BerlinGroupException(
                    HttpStatus.UNAUTHORIZED,
                    "TOKEN_INVALID",
                    "An OAuth2 access token (Authorization: Bearer) is required",
                    BEARER);
        }
        if (consentId == null || consentId.isBlank()) {
            throw BerlinGroupException.formatError("The header Consent-ID is missing");
        }
        String token = authorization.substring(7).trim();
        Tokens.AccessGrant grant = authorizationServer
                .accessGrant(token, clock.instant())
                .orElseThrow(() -> new BerlinGroupException(
                        HttpStatus.UNAUTHORIZED,
                        "TOKEN_UNKNOWN",
                        "The access token is unknown or revoked",
                        BEARER + ", error=\"invalid_token\""));
        if (!clock.instant().isBefore(grant.expiresAt())) {
            throw new BerlinGroupException(
                    HttpStatus.UNAUTHORIZED,
                    "TOKEN_EXPIRED",
                    "The access token has expired",
                    BEARER + ", error=\"invalid_token\", error_description=\"The access token expired\"");
        }
        Consent consent = bank.consent(consentId)
                .orElseThrow(() -> new BerlinGroupException(
                        HttpStatus.BAD_REQUEST, "CONSENT_UNKNOWN", "The consent " + consentId + " is unknown"));
        if (!grant.consentId().equals(consent.consentId())) {
            throw new BerlinGroupException(
                    HttpStatus.UNAUTHORIZED,
                    "TOKEN_INVALID",
                    "The access token was not issued for this consent",
                    BEARER + ", error=\"invalid_token\"");
        }
        if (consent.status() == ConsentStatus.EXPIRED) {
            throw new BerlinGroupException(HttpStatus.UNAUTHORIZED, "CONSENT_EXPIRED", "The consent has expired");
        }
        if (consent.status() != ConsentStatus.VALID) {
            throw consentInvalid("The consent is " + consent.status().json());
        }
        return consent;
    }

    private void countRead(Consent consent, String accountKey, @Nullable String psuIpAddress) {
        if (!settings.enforceFrequencyPerDay() || (psuIpAddress != null && !psuIpAddress.isBlank())) {
            return;
        }
        if (!bank.countUnattendedRead(consent, accountKey)) {
            LocalDateTime midnight = bank.today().plusDays(1).atStartOfDay();
            long seconds = Math.max(
                    1,
                    Duration.between(clock.instant(), midnight.toInstant(ZoneOffset.UTC))
                            .toSeconds());
            throw new RateLimitedException(
                    "The consent's frequencyPerDay (" + consent.frequencyPerDay()
                            + ") is used up for today without the PSU present",
                    seconds);
        }
    }

    private Account account(String accountId) {
        return bank.account(accountId)
                .orElseThrow(() -> new BerlinGroupException(
                        HttpStatus.NOT_FOUND, "RESOURCE_UNKNOWN", "The account " + accountId + " is unknown"));
    }

    private static BerlinGroupException consentInvalid(String text) {
        return new BerlinGroupException(HttpStatus.UNAUTHORIZED, "CONSENT_INVALID", text);
    }

    private static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notIso) {
            throw BerlinGroupException.formatError(name + " must be an ISO date (YYYY-MM-DD)");
        }
    }

    /** 429 {@code ACCESS_EXCEEDED} with {@code Retry-After}. */
    static final class RateLimitedException extends BerlinGroupException {
        private final long retryAfterSeconds;

        RateLimitedException(String text, long retryAfterSeconds) {
            super(HttpStatus.TOO_MANY_REQUESTS, "ACCESS_EXCEEDED", text);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
