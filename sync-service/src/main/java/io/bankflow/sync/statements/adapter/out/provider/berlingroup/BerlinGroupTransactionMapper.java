package io.bankflow.sync.statements.adapter.out.provider.berlingroup;

import io.bankflow.sync.statements.domain.AccountBalance;
import io.bankflow.sync.statements.domain.LineStatus;
import io.bankflow.sync.statements.domain.ProviderAccount;
import io.bankflow.sync.statements.domain.StatementLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Berlin Group NextGenPSD2 1.3.x JSON -> domain types, tolerant of what real banks send: {@code amount} as a string
 * (the spec) or a JSON number, {@code remittanceInformationStructured} as a string (1.3.9) or an object with a
 * {@code reference} (1.3.8), the 1.3.9 {@code *Array} remittance variants, date-times where dates belong. A transaction
 * that still cannot be read is reported as an error and skipped; it never fails the page.
 *
 * <p>The sign of {@code amount} is the bank's (the spec: negative = debit); it is never guessed from which party is
 * named. The counterparty is the creditor of a debit and the debtor of a credit, else whichever is named.
 */
final class BerlinGroupTransactionMapper {

    private BerlinGroupTransactionMapper() {}

    /**
     * One page of {@code GET /v1/accounts/{id}/transactions}.
     *
     * @param lines the booked and pending transactions that could be read, booked first
     * @param errors a safe description per transaction that could not
     * @param nextHref {@code _links.next.href} as given (relative or absolute), when there is a next page
     * @param downloadHref {@code _links.download.href} when the bank answered with a download link instead of
     *     transactions (large reports)
     */
    record Page(
            List<StatementLine> lines,
            List<String> errors,
            @Nullable String nextHref,
            @Nullable String downloadHref) {}

    static Page page(String accountRef, JsonNode root) {
        JsonNode transactions = root.path("transactions");
        List<StatementLine> lines = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        map(accountRef, transactions.path("booked"), LineStatus.BOOKED, lines, errors);
        map(accountRef, transactions.path("pending"), LineStatus.PENDING, lines, errors);
        // "information" (standing orders, 1.3.9) are not movements on the account: not statement lines.
        String next = href(transactions.path("_links").path("next"));
        if (next == null) {
            next = href(root.path("_links").path("next"));
        }
        String download = href(transactions.path("_links").path("download"));
        if (download == null) {
            download = href(root.path("_links").path("download"));
        }
        return new Page(lines, errors, next, download);
    }

    private static void map(
            String accountRef, JsonNode entries, LineStatus status, List<StatementLine> lines, List<String> errors) {
        if (!entries.isArray()) {
            return;
        }
        int index = 0;
        for (JsonNode entry : entries) {
            try {
                lines.add(transaction(accountRef, entry, status));
            } catch (RuntimeException e) {
                String id = text(entry, "transactionId");
                errors.add(status.name().toLowerCase() + "[" + index + "]" + (id == null ? "" : " (" + id + ")") + ": "
                        + e.getMessage());
            }
            index++;
        }
    }

    /** One transaction (an entry of {@code booked}/{@code pending}, or {@code transactionsDetails}). */
    static StatementLine transaction(String accountRef, JsonNode tx, LineStatus status) {
        JsonNode amountNode = tx.path("transactionAmount");
        BigDecimal amount = amount(amountNode.path("amount"));
        String currency = text(amountNode, "currency");
        if (currency == null) {
            throw new IllegalArgumentException("transactionAmount.currency is missing");
        }
        boolean debit = amount.signum() < 0;
        String creditorName = text(tx, "creditorName");
        String debtorName = text(tx, "debtorName");
        String creditorAccount = accountReference(tx.path("creditorAccount"));
        String debtorAccount = accountReference(tx.path("debtorAccount"));
        boolean creditorSide = debit
                ? creditorName != null || creditorAccount != null || (debtorName == null && debtorAccount == null)
                : debtorName == null && debtorAccount == null;
        return new StatementLine(
                accountRef,
                text(tx, "transactionId"),
                text(tx, "entryReference"),
                status,
                date(tx, "bookingDate"),
                date(tx, "valueDate"),
                amount,
                currency,
                creditorSide ? creditorName : debtorName,
                creditorSide ? creditorAccount : debtorAccount,
                unstructured(tx),
                structured(tx),
                text(tx, "endToEndId"),
                bankTransactionCode(tx));
    }

    static List<ProviderAccount> accounts(JsonNode root) {
        List<ProviderAccount> accounts = new ArrayList<>();
        for (JsonNode account : root.path("accounts")) {
            String resourceId = text(account, "resourceId");
            if (resourceId != null) {
                accounts.add(new ProviderAccount(
                        resourceId, text(account, "iban"), text(account, "currency"), text(account, "name")));
            }
        }
        return accounts;
    }

    static List<AccountBalance> balances(JsonNode root) {
        List<AccountBalance> balances = new ArrayList<>();
        for (JsonNode balance : root.path("balances")) {
            JsonNode amount = balance.path("balanceAmount");
            String type = text(balance, "balanceType");
            String currency = text(amount, "currency");
            if (type == null || currency == null) {
                throw new IllegalArgumentException("a balance without balanceType or currency");
            }
            balances.add(
                    new AccountBalance(type, amount(amount.path("amount")), currency, date(balance, "referenceDate")));
        }
        return balances;
    }

    /** A string (the spec) or a JSON number (some banks), exactly. */
    static BigDecimal amount(JsonNode node) {
        if (node.isNumber()) {
            // Exact only if the mapper reads floats as BigDecimal (BerlinGroupClient.JSON does).
            return node.decimalValue();
        }
        if (node.isString()) {
            String value = node.asString().strip();
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("amount is not a decimal number");
            }
        }
        throw new IllegalArgumentException("amount is missing");
    }

    private static @Nullable String accountReference(JsonNode account) {
        for (String field : List.of("iban", "bban", "pan", "maskedPan", "msisdn")) {
            String value = text(account, field);
            if (value != null) {
                return value;
            }
        }
        JsonNode other = account.path("other");
        return other.isObject() ? text(other, "identification") : text(account, "other");
    }

    private static @Nullable String unstructured(JsonNode tx) {
        String text = text(tx, "remittanceInformationUnstructured");
        if (text != null) {
            return text;
        }
        StringJoiner joined = new StringJoiner(" ");
        for (JsonNode part : tx.path("remittanceInformationUnstructuredArray")) {
            if (part.isValueNode() && !part.isNull()) {
                joined.add(part.asString());
            }
        }
        return joined.length() == 0 ? null : joined.toString();
    }

    /** A string (1.3.9: Max140Text) or an object (1.3.8: {reference, referenceType, referenceIssuer}) -> text. */
    private static @Nullable String structured(JsonNode tx) {
        String text = structuredText(tx.path("remittanceInformationStructured"));
        if (text != null) {
            return text;
        }
        StringJoiner joined = new StringJoiner(" ");
        for (JsonNode part : tx.path("remittanceInformationStructuredArray")) {
            String partText = structuredText(part);
            if (partText != null) {
                joined.add(partText);
            }
        }
        return joined.length() == 0 ? null : joined.toString();
    }

    private static @Nullable String structuredText(JsonNode node) {
        if (node.isObject()) {
            return text(node, "reference");
        }
        return node.isValueNode() && !node.isNull() ? blankToNull(node.asString()) : null;
    }

    private static @Nullable String bankTransactionCode(JsonNode tx) {
        String code = text(tx, "bankTransactionCode");
        return code != null ? code : text(tx, "proprietaryBankTransactionCode");
    }

    private static @Nullable LocalDate date(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            // Some banks send a date-time where the spec has an ISODate: the calendar date is what counts.
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an ISO date");
        }
    }

    static @Nullable String href(JsonNode link) {
        if (link.isObject()) {
            return text(link, "href");
        }
        return link.isString() ? blankToNull(link.asString()) : null;
    }

    static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || !value.isValueNode()) {
            return null;
        }
        return blankToNull(value.asString());
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }
}
