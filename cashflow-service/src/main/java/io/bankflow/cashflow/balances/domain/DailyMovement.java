package io.bankflow.cashflow.balances.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/** The booked money in and out of a series on one booking date; both totals are non-negative. */
public record DailyMovement(LocalDate date, BigDecimal inflow, BigDecimal outflow) {

    public DailyMovement {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(inflow, "inflow");
        Objects.requireNonNull(outflow, "outflow");
        if (inflow.signum() < 0 || outflow.signum() < 0) {
            throw new IllegalArgumentException("inflow and outflow are totals and never negative");
        }
    }

    /** A day without lines. */
    public static DailyMovement none(LocalDate date, Currency currency) {
        return new DailyMovement(date, Amounts.zero(currency), Amounts.zero(currency));
    }

    /** Inflow minus outflow: what the day did to the balance. */
    public BigDecimal net() {
        return inflow.subtract(outflow);
    }
}
