package io.bankflow.sync.statements.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One provider transaction, normalised: the same shape whatever the provider's format.
 *
 * <p>Normalisation rules: the amount is exact and signed (credits, money in, positive; debits negative), its scale as
 * the provider gave it; blank texts are absent; texts are stripped and inner whitespace runs collapsed to one space;
 * {@code NOTPROVIDED} end-to-end ids are absent; a booked line has a booking date, a pending line need not.
 *
 * @param accountRef the provider's reference of the account the line belongs to (e.g. Berlin Group resourceId)
 * @param providerTransactionId the provider's id of the transaction, when it gives one (pending ones may change it
 *     when they book)
 * @param entryReference the bank's reference of the entry, stable from pending to booked (Berlin Group
 *     entryReference, camt AcctSvcrRef), when given
 * @param status booked or pending
 * @param bookingDate when the bank booked it; absent for pending lines
 * @param valueDate when the funds are (were) available, when given
 * @param amount signed amount in {@code currency}
 * @param currency ISO 4217 code
 * @param counterpartyName the other party (debtor of a credit, creditor of a debit), when given
 * @param counterpartyAccount the other party's account (IBAN, BBAN, masked PAN ...), when given
 * @param remittanceUnstructured the payer's free text, when given
 * @param remittanceStructured a structured reference as text (RF creditor reference, KID ...), when given
 * @param endToEndId the payer's end-to-end id, when given
 * @param bankTransactionCode ISO 20022 or proprietary bank transaction code, when given
 */
public record StatementLine(
        String accountRef,
        @Nullable String providerTransactionId,
        @Nullable String entryReference,
        LineStatus status,
        @Nullable LocalDate bookingDate,
        @Nullable LocalDate valueDate,
        BigDecimal amount,
        String currency,
        @Nullable String counterpartyName,
        @Nullable String counterpartyAccount,
        @Nullable String remittanceUnstructured,
        @Nullable String remittanceStructured,
        @Nullable String endToEndId,
        @Nullable String bankTransactionCode) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    public StatementLine {
        accountRef = Objects.requireNonNull(text(accountRef), "accountRef");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        currency = currency.strip().toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency is not an ISO 4217 code: " + currency);
        }
        if (status == LineStatus.BOOKED && bookingDate == null) {
            throw new IllegalArgumentException("a booked line needs a booking date");
        }
        providerTransactionId = text(providerTransactionId);
        entryReference = text(entryReference);
        counterpartyName = text(counterpartyName);
        counterpartyAccount = text(counterpartyAccount);
        remittanceUnstructured = text(remittanceUnstructured);
        remittanceStructured = text(remittanceStructured);
        endToEndId = text(endToEndId);
        if ("NOTPROVIDED".equalsIgnoreCase(endToEndId)) {
            endToEndId = null; // ISO 20022's "the payer gave none": not an id two lines may share
        }
        bankTransactionCode = text(bankTransactionCode);
    }

    /** True for money in. */
    public boolean isCredit() {
        return amount.signum() > 0;
    }

    /** The date the line is filed under: the booking date, else (pending) the value date. */
    public @Nullable LocalDate effectiveDate() {
        return bookingDate != null ? bookingDate : valueDate;
    }

    /** The normalised key of this line, what deduplicates it when the provider gives no transaction id. */
    public DedupKey dedupKey() {
        return DedupKey.of(this);
    }

    /**
     * What makes this line the same transaction as another: the provider's transaction id when there is one, else the
     * normalised key.
     */
    public String identity() {
        return providerTransactionId != null
                ? "id:" + providerTransactionId
                : "key:" + dedupKey().value();
    }

    /** A copy with another status and booking date: what a pending line looks like once booked (tests, imports). */
    public StatementLine booked(@Nullable String newTransactionId, LocalDate on) {
        return new StatementLine(
                accountRef,
                newTransactionId,
                entryReference,
                LineStatus.BOOKED,
                on,
                valueDate,
                amount,
                currency,
                counterpartyName,
                counterpartyAccount,
                remittanceUnstructured,
                remittanceStructured,
                endToEndId,
                bankTransactionCode);
    }

    static @Nullable String text(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String collapsed = WHITESPACE.matcher(value.strip()).replaceAll(" ");
        return collapsed.isEmpty() ? null : collapsed;
    }
}
