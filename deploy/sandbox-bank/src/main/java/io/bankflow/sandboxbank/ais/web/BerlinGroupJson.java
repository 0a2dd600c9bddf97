package io.bankflow.sandboxbank.ais.web;

import io.bankflow.sandboxbank.bank.domain.Account;
import io.bankflow.sandboxbank.bank.domain.AccountAccess;
import io.bankflow.sandboxbank.bank.domain.Balances;
import io.bankflow.sandboxbank.bank.domain.Consent;
import io.bankflow.sandboxbank.bank.domain.Transaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Domain objects in the Berlin Group NextGenPSD2 1.3.x JSON shapes (absent values are left out, not null). */
final class BerlinGroupJson {

    private BerlinGroupJson() {}

    static Map<String, Object> account(Account account, boolean balances, boolean transactions) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("resourceId", account.resourceId());
        json.put("iban", account.iban());
        json.put("currency", account.currency());
        json.put("name", account.name());
        json.put("product", account.product());
        json.put("cashAccountType", account.cashAccountType());
        json.put("status", "enabled");
        json.put("bic", account.bic());
        json.put("usage", "ORGA");
        Map<String, Object> links = new LinkedHashMap<>();
        if (balances) {
            links.put("balances", href("/v1/accounts/" + account.resourceId() + "/balances"));
        }
        if (transactions) {
            links.put("transactions", href("/v1/accounts/" + account.resourceId() + "/transactions"));
        }
        if (!links.isEmpty()) {
            json.put("_links", links);
        }
        return json;
    }

    static Map<String, Object> accountReference(Account account) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("iban", account.iban());
        json.put("currency", account.currency());
        return json;
    }

    static List<Map<String, Object>> balances(Account account, Balances balances, LocalDate today) {
        LocalDate bookedOn = balances.lastBookingDate() != null ? balances.lastBookingDate() : today;
        return List.of(
                balance(account, balances.closingBooked(), "closingBooked", bookedOn),
                balance(account, balances.expected(), "expected", today),
                balance(account, balances.expected(), "interimAvailable", today));
    }

    private static Map<String, Object> balance(
            Account account, BigDecimal amount, String type, LocalDate referenceDate) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("balanceAmount", amount(amount, account.currency()));
        json.put("balanceType", type);
        json.put("referenceDate", referenceDate.toString());
        return json;
    }

    static Map<String, Object> transaction(Transaction transaction) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("transactionId", transaction.transactionId());
        json.put("entryReference", transaction.entryReference());
        putIfPresent(json, "endToEndId", transaction.endToEndId());
        if (transaction.bookingDate() != null) {
            json.put("bookingDate", transaction.bookingDate().toString());
        }
        json.put("valueDate", transaction.valueDate().toString());
        json.put("transactionAmount", amount(transaction.amount(), transaction.currency()));
        putIfPresent(json, "creditorName", transaction.creditorName());
        if (transaction.creditorIban() != null) {
            json.put("creditorAccount", Map.of("iban", transaction.creditorIban()));
        }
        putIfPresent(json, "debtorName", transaction.debtorName());
        if (transaction.debtorIban() != null) {
            json.put("debtorAccount", Map.of("iban", transaction.debtorIban()));
        }
        putIfPresent(json, "remittanceInformationUnstructured", transaction.remittanceInformationUnstructured());
        json.put("bankTransactionCode", transaction.bankTransactionCode());
        json.put(
                "_links",
                Map.of(
                        "transactionDetails",
                        href("/v1/accounts/" + transaction.accountId() + "/transactions/"
                                + transaction.transactionId())));
        return json;
    }

    static Map<String, Object> consent(Consent consent) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("access", access(consent.access()));
        json.put("recurringIndicator", consent.recurringIndicator());
        json.put("validUntil", consent.validUntil().toString());
        json.put("frequencyPerDay", consent.frequencyPerDay());
        json.put("lastActionDate", consent.lastActionDate().toString());
        json.put("consentStatus", consent.status().json());
        json.put("_links", Map.of("account", href("/v1/accounts")));
        return json;
    }

    static Map<String, Object> access(AccountAccess access) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (!access.accounts().isEmpty() || access.isBankOffered()) {
            json.put("accounts", references(access.accounts()));
        }
        if (!access.balances().isEmpty() || access.isBankOffered()) {
            json.put("balances", references(access.balances()));
        }
        if (!access.transactions().isEmpty() || access.isBankOffered()) {
            json.put("transactions", references(access.transactions()));
        }
        putIfPresent(json, "availableAccounts", access.availableAccounts());
        putIfPresent(json, "allPsd2", access.allPsd2());
        return json;
    }

    private static List<Map<String, Object>> references(List<String> ibans) {
        return ibans.stream()
                .<Map<String, Object>>map(iban -> Map.of("iban", iban))
                .toList();
    }

    static Map<String, Object> amount(BigDecimal amount, String currency) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("currency", currency);
        json.put("amount", amount.toPlainString());
        return json;
    }

    static Map<String, Object> href(String href) {
        return Map.of("href", href);
    }

    private static void putIfPresent(Map<String, Object> json, String name, @Nullable Object value) {
        if (value != null) {
            json.put(name, value);
        }
    }
}
