package io.bankflow.cashflow.balances.domain;

import java.time.LocalDate;
import java.util.Objects;

/** Dates from {@code first} to {@code last}, both included. */
public record DateRange(LocalDate first, LocalDate last) {

    public DateRange {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last (" + last + ") is before first (" + first + ")");
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(first) && !date.isAfter(last);
    }

    public DateRange span(LocalDate date) {
        return new DateRange(date.isBefore(first) ? date : first, date.isAfter(last) ? date : last);
    }
}
