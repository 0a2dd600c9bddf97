package io.bankflow.sandboxbank.bank.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A transaction to post to an account: the counterparty is the creditor when the amount is negative and the debtor
 * when it is positive.
 *
 * @param status booked or pending
 * @param amount signed amount in the account's currency
 * @param bookingDate for a booked entry; none: today
 * @param valueDate none: the booking date (or today while pending)
 * @param counterpartyName creditor (money out) or debtor (money in)
 * @param counterpartyIban the counterparty's IBAN, when a transfer
 * @param remittanceInformationUnstructured the payment's message
 * @param endToEndId the payer's end-to-end id
 * @param bankTransactionCode none: a SEPA credit transfer received or issued
 */
public record NewTransaction(
        Transaction.Status status,
        BigDecimal amount,
        @Nullable LocalDate bookingDate,
        @Nullable LocalDate valueDate,
        @Nullable String counterpartyName,
        @Nullable String counterpartyIban,
        @Nullable String remittanceInformationUnstructured,
        @Nullable String endToEndId,
        @Nullable String bankTransactionCode) {}
