package io.bankflow.reconciliation.matching.domain;

import io.bankflow.reconciliation.expectedpayments.domain.Money;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One transaction on a bank account as sync-service reported it, with what matching reads of it.
 *
 * @param lineId sync-service's id of the line, stable across re-fetches
 * @param status booked or pending
 * @param bookingDate when the bank booked it; null for pending lines
 * @param amount signed: credits (money in) are positive, debits negative
 * @param counterpartyName the payer, for credits
 * @param counterpartyAccount the payer's account as given
 * @param remittanceInformation the payer's free text
 * @param structuredReference a structured creditor reference (RF, KID), when given
 */
public record StatementLine(
        UUID lineId,
        LineStatus status,
        @Nullable LocalDate bookingDate,
        Money amount,
        @Nullable String counterpartyName,
        @Nullable String counterpartyAccount,
        @Nullable String remittanceInformation,
        @Nullable String structuredReference) {

    public StatementLine {
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
    }

    /** Money in. */
    public boolean isCredit() {
        return amount.isPositive();
    }
}
