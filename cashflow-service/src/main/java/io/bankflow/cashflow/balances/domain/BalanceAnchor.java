package io.bankflow.cashflow.balances.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A balance the bank reported: authoritative for the end of its date (a closing booked balance includes every line
 * booked that day). The series is walked from it in both directions.
 */
public record BalanceAnchor(LocalDate date, BigDecimal amount) {

    public BalanceAnchor {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
    }
}
