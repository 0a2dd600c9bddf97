package io.bankflow.sandboxbank.ais.web;

import io.bankflow.sandboxbank.PublicUrl;
import io.bankflow.sandboxbank.SandboxBankProperties;
import io.bankflow.sandboxbank.bank.application.Bank;
import io.bankflow.sandboxbank.bank.domain.AccountAccess;
import io.bankflow.sandboxbank.bank.domain.Consent;
import io.bankflow.sandboxbank.bank.domain.ConsentStatus;
import io.bankflow.sandboxbank.oauth.domain.AuthorizationServer;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Berlin Group AIS consents ({@code /v1/consents}), OAuth SCA approach: the TPP creates the consent, the customer
 * authorises it at the bank's authorization server with {@code scope=AIS:<consentId>} (link {@code scaOAuth}), and the
 * access token the TPP receives is bound to it.
 */
@RestController
class ConsentController {

    private static final Set<String> AVAILABLE_ACCOUNTS = Set.of("allAccounts", "allAccountsWithOwnerName");
    private static final int MAX_FREQUENCY_PER_DAY = 4; // the Berlin Group's limit unless agreed bilaterally

    private final Bank bank;
    private final AuthorizationServer authorizationServer;
    private final PublicUrl publicUrl;
    private final SandboxBankProperties properties;

    ConsentController(
            Bank bank, AuthorizationServer authorizationServer, PublicUrl publicUrl, SandboxBankProperties properties) {
        this.bank = bank;
        this.authorizationServer = authorizationServer;
        this.publicUrl = publicUrl;
        this.properties = properties;
    }

    @PostMapping(path = "/v1/consents", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> create(
            @RequestBody @Nullable Map<String, Object> body, HttpServletRequest request) {
        if (body == null) {
            throw BerlinGroupException.formatError("The body is missing");
        }
        AccountAccess access = access(required(body, "access", Map.class));
        boolean recurring = required(body, "recurringIndicator", Boolean.class);
        LocalDate validUntil = date(required(body, "validUntil", String.class));
        int frequencyPerDay = required(body, "frequencyPerDay", Integer.class);
        required(body, "combinedServiceIndicator", Boolean.class);
        LocalDate today = bank.today();
        if (validUntil.isBefore(today)) {
            throw new BerlinGroupException(HttpStatus.BAD_REQUEST, "PERIOD_INVALID", "validUntil lies in the past");
        }
        LocalDate latest = today.plusDays(properties.ais().maxConsentDays());
        if (validUntil.isAfter(latest)) {
            validUntil = latest; // the spec lets the bank adjust it; GET /v1/consents/{id} shows the adjusted date
        }
        if (frequencyPerDay < 1 || frequencyPerDay > MAX_FREQUENCY_PER_DAY) {
            throw BerlinGroupException.formatError("frequencyPerDay must be between 1 and " + MAX_FREQUENCY_PER_DAY);
        }
        if (!recurring && frequencyPerDay != 1) {
            throw BerlinGroupException.formatError(
                    "A one-off consent (recurringIndicator false) has frequencyPerDay 1");
        }
        Consent consent = bank.createConsent(access, recurring, validUntil, frequencyPerDay);

        String self = "/v1/consents/" + consent.consentId();
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("scaOAuth", BerlinGroupJson.href(publicUrl.of(request) + "/.well-known/oauth-authorization-server"));
        links.put("self", BerlinGroupJson.href(self));
        links.put("status", BerlinGroupJson.href(self + "/status"));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("consentStatus", consent.status().json());
        response.put("consentId", consent.consentId());
        response.put("_links", links);
        return ResponseEntity.created(URI.create(self))
                .header("ASPSP-SCA-Approach", "REDIRECT") // the spec subsumes OAuth under REDIRECT
                .contentType(MediaType.APPLICATION_JSON)
                .body(response);
    }

    @GetMapping(path = "/v1/consents/{consentId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> get(@PathVariable String consentId) {
        return BerlinGroupJson.consent(find(consentId));
    }

    @GetMapping(path = "/v1/consents/{consentId}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> status(@PathVariable String consentId) {
        return Map.of("consentStatus", find(consentId).status().json());
    }

    /** The TPP terminates the consent: status {@code terminatedByTpp}, and its tokens stop working. */
    @DeleteMapping("/v1/consents/{consentId}")
    ResponseEntity<Void> delete(@PathVariable String consentId) {
        Consent consent = find(consentId);
        if (!consent.status().isFinal()) {
            bank.end(consentId, ConsentStatus.TERMINATED_BY_TPP);
        }
        authorizationServer.revokeAll(consentId);
        return ResponseEntity.noContent().build();
    }

    private Consent find(String consentId) {
        return bank.consent(consentId)
                .orElseThrow(() -> new BerlinGroupException(
                        HttpStatus.FORBIDDEN, "CONSENT_UNKNOWN", "The consent " + consentId + " is unknown"));
    }

    private AccountAccess access(Map<?, ?> access) {
        List<String> accounts = ibans(access, "accounts");
        List<String> balances = ibans(access, "balances");
        List<String> transactions = ibans(access, "transactions");
        String availableAccounts = optionalText(access, "availableAccounts");
        String allPsd2 = optionalText(access, "allPsd2");
        if (availableAccounts != null && !AVAILABLE_ACCOUNTS.contains(availableAccounts)) {
            throw BerlinGroupException.formatError("availableAccounts must be allAccounts or allAccountsWithOwnerName");
        }
        if (allPsd2 != null && !AVAILABLE_ACCOUNTS.contains(allPsd2)) {
            throw BerlinGroupException.formatError("allPsd2 must be allAccounts or allAccountsWithOwnerName");
        }
        boolean lists = !accounts.isEmpty() || !balances.isEmpty() || !transactions.isEmpty();
        if ((allPsd2 != null || availableAccounts != null) && lists) {
            throw BerlinGroupException.formatError(
                    "allPsd2 and availableAccounts cannot be combined with account lists");
        }
        return new AccountAccess(accounts, balances, transactions, availableAccounts, allPsd2);
    }

    private List<String> ibans(Map<?, ?> access, String field) {
        Object value = access.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw BerlinGroupException.formatError("access." + field + " must be an array of account references");
        }
        List<String> ibans = new ArrayList<>();
        for (Object reference : list) {
            if (!(reference instanceof Map<?, ?> map) || !(map.get("iban") instanceof String iban)) {
                throw BerlinGroupException.formatError(
                        "access." + field + ": this bank addresses accounts by iban only");
            }
            String account = bank.accountByIban(iban)
                    .orElseThrow(() -> BerlinGroupException.formatError(
                            "access." + field + ": the account " + iban + " is unknown"))
                    .iban();
            if (!ibans.contains(account)) {
                ibans.add(account);
            }
        }
        return ibans;
    }

    private static <T> T required(Map<?, ?> body, String field, Class<T> type) {
        Object value = body.get(field);
        if (value == null) {
            throw BerlinGroupException.formatError("The field " + field + " is missing");
        }
        if (!type.isInstance(value)) {
            throw BerlinGroupException.formatError("The field " + field + " has a wrong type");
        }
        return type.cast(value);
    }

    private static @Nullable String optionalText(Map<?, ?> body, String field) {
        Object value = body.get(field);
        if (value != null && !(value instanceof String)) {
            throw BerlinGroupException.formatError("access." + field + " must be a string");
        }
        return (String) value;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notIso) {
            throw BerlinGroupException.formatError("validUntil must be an ISO date (YYYY-MM-DD)");
        }
    }
}
