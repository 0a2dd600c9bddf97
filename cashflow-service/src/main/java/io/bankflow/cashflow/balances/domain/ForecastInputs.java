package io.bankflow.cashflow.balances.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Everything the forecast was computed from, so that a reader can check it by hand.
 *
 * @param startBalance the balance at the end of the as-of date, where the forecast starts
 * @param bookedAhead booked lines dated after the as-of date within the horizon (forward-dated bookings), counted on
 *     their dates
 * @param lookbackDays the configured length of the observation window
 * @param observedFrom first day of the observation window actually used (null when there was none)
 * @param observedTo last day of it: the day before the as-of date (today is not over yet)
 * @param observedDays days in the window; shorter than {@code lookbackDays} when the series' data starts later
 * @param observedNetFlow booked net flow over those days, exact
 * @param meanDailyNetFlow observedNetFlow / observedDays, rounded half-even to the currency's scale (zero when no day
 *     was observed)
 * @param pendingLinesIncluded pending lines counted on their expected dates within the horizon
 * @param pendingAmount their sum, exact
 * @param stalePendingLinesIgnored pending lines left out because they are dated more than {@code pendingMaxAgeDays}
 *     before the as-of date (they most likely vanished; the bank does not tell)
 * @param pendingMaxAgeDays the staleness limit
 */
public record ForecastInputs(
        BigDecimal startBalance,
        BigDecimal bookedAhead,
        int lookbackDays,
        @Nullable LocalDate observedFrom,
        @Nullable LocalDate observedTo,
        int observedDays,
        BigDecimal observedNetFlow,
        BigDecimal meanDailyNetFlow,
        int pendingLinesIncluded,
        BigDecimal pendingAmount,
        int stalePendingLinesIgnored,
        int pendingMaxAgeDays) {}
