package io.bankflow.cashflow.balances.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A line the bank has authorised but not booked. It never enters the history; the forecast counts it on the date it
 * is expected to book. It is replaced when it books (same line id, or a booked line that supersedes it) and is
 * updated in place when it is fetched again changed.
 *
 * @param expectedDate the value date, else the booking date the provider gave; null when it gave neither
 * @param firstSeenOn the date Bankflow first received it
 */
public record PendingLine(
        UUID lineId, SeriesKey series, @Nullable LocalDate expectedDate, BigDecimal amount, LocalDate firstSeenOn) {

    public PendingLine {
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(firstSeenOn, "firstSeenOn");
        amount = Amounts.normalize(Objects.requireNonNull(amount, "amount"), series.currency());
    }

    /** The date the line is dated by: expected, else first seen. */
    public LocalDate referenceDate() {
        return expectedDate != null ? expectedDate : firstSeenOn;
    }
}
