package io.bankflow.cashflow.balances.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A booked statement line as the balance series counts it: a signed amount (credits positive) on its booking date.
 * Identified by sync-service's line id, which is stable across re-fetches: the same id is counted once.
 */
public record BookedLine(UUID lineId, SeriesKey series, LocalDate bookingDate, BigDecimal amount) {

    public BookedLine {
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(bookingDate, "bookingDate");
        amount = Amounts.normalize(Objects.requireNonNull(amount, "amount"), series.currency());
    }

    /** Whether another version of this line says the same thing (a redelivery, not a correction). */
    public boolean sameAs(BookedLine other) {
        return lineId.equals(other.lineId)
                && series.equals(other.series)
                && bookingDate.equals(other.bookingDate)
                && amount.compareTo(other.amount) == 0;
    }

    /** What this line adds to its day. */
    public MovementDelta delta() {
        return MovementDelta.of(amount);
    }
}
