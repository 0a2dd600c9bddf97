package io.bankflow.cashflow.balances.application.port.out;

import io.bankflow.cashflow.balances.domain.DateRange;
import io.bankflow.cashflow.balances.domain.MovementDelta;
import io.bankflow.cashflow.balances.domain.Movements;
import io.bankflow.cashflow.balances.domain.SeriesKey;
import java.time.LocalDate;
import java.util.Optional;

/** Booked money in and out per series and booking date. */
public interface DailyMovements {

    /** Adds a change to a day's totals (creating the day). */
    void add(SeriesKey series, LocalDate date, MovementDelta delta);

    /** The days of the range that have movements. */
    Movements between(SeriesKey series, DateRange range);

    /** The earliest booking date of the series. */
    Optional<LocalDate> firstDate(SeriesKey series);
}
