package io.bankflow.sandboxbank.bank.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an account, booked or pending. Money out has a negative amount and names the creditor; money in a
 * positive amount and names the debtor.
 *
 * @param transactionId the id in the API; a pending entry gets a NEW id when it books (as real banks do)
 * @param entryReference the bank's reference of the entry; the same before and after booking
 * @param accountId the account's resource id
 * @param status booked or pending
 * @param bookingDate the booking date; none while pending
 * @param valueDate the value date (expected value date while pending)
 * @param amount signed amount, scale 2
 * @param currency ISO 4217
 * @param creditorName who received the money (money out)
 * @param creditorIban the creditor's IBAN, when a transfer
 * @param debtorName who paid (money in)
 * @param debtorIban the debtor's IBAN, when a transfer
 * @param remittanceInformationUnstructured the payment's message
 * @param endToEndId the payer's end-to-end id, for credit transfers
 * @param bankTransactionCode ISO 20022 domain-family-subfamily, e.g. {@code PMNT-RCDT-ESCT}
 */
public record Transaction(
        String transactionId,
        String entryReference,
        String accountId,
        Status status,
        @Nullable LocalDate bookingDate,
        LocalDate valueDate,
        BigDecimal amount,
        String currency,
        @Nullable String creditorName,
        @Nullable String creditorIban,
        @Nullable String debtorName,
        @Nullable String debtorIban,
        @Nullable String remittanceInformationUnstructured,
        @Nullable String endToEndId,
        String bankTransactionCode) {

    /** Booked or pending. */
    public enum Status {
        BOOKED,
        PENDING
    }

    public Transaction {
        if (status == Status.BOOKED && bookingDate == null) {
            throw new IllegalArgumentException("A booked transaction has a booking date");
        }
        if (status == Status.PENDING && bookingDate != null) {
            throw new IllegalArgumentException("A pending transaction has no booking date");
        }
    }

    /** This pending entry as booked: a new transaction id and a booking date; the entry reference stays. */
    public Transaction booked(String newTransactionId, LocalDate on) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("Transaction " + transactionId + " is already booked");
        }
        return new Transaction(
                newTransactionId,
                entryReference,
                accountId,
                Status.BOOKED,
                on,
                valueDate,
                amount,
                currency,
                creditorName,
                creditorIban,
                debtorName,
                debtorIban,
                remittanceInformationUnstructured,
                endToEndId,
                bankTransactionCode);
    }

    public boolean isBooked() {
        return status == Status.BOOKED;
    }
}
