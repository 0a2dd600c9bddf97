package io.bankflow.cashflow.balances.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The forecast method: the mean daily net flow of the last {@code lookbackDays} complete days, projected as a straight
 * line from today's balance, plus the known pending lines on the dates they are expected to book.
 *
 * <p>{@code balance(asOf + k) = balance(asOf) + round(k * observedNetFlow / observedDays) + booked lines dated after
 * asOf up to asOf + k (forward-dated bookings are facts) + pending lines expected up to asOf + k}. Deliberately simple and explainable. Outliers are <em>not</em> excluded: in cash flow the largest days are
 * payroll, rent and tax, and dropping them would make the forecast systematically optimistic. The default look-back
 * (90 days) spans three monthly cycles. Deterministic: the same inputs give the same forecast. Monotone: more money in
 * (history, forward-dated bookings or pending) never lowers any point, unless a reported balance dated after the
 * credit says the money was already there.
 */
public final class TrailingMeanForecast {

    public static final String METHOD = "trailing-mean-daily-net-flow-plus-pending";

    static final String DESCRIPTION = "Balance at the as-of date plus the mean daily net flow of the observed days"
            + " times the number of days ahead, plus lines already booked for later dates and pending lines on their"
            + " expected dates. Pending lines dated in"
            + " the past are expected tomorrow; those dated more than pendingMaxAgeDays ago are ignored.";

    private final int lookbackDays;
    private final int pendingMaxAgeDays;

    /**
     * @param lookbackDays complete days before the as-of date whose booked flow is averaged (at least 1)
     * @param pendingMaxAgeDays pending lines dated longer ago than this are treated as vanished (at least 0)
     */
    public TrailingMeanForecast(int lookbackDays, int pendingMaxAgeDays) {
        if (lookbackDays < 1) {
            throw new IllegalArgumentException("lookbackDays must be at least 1, was " + lookbackDays);
        }
        if (pendingMaxAgeDays < 0) {
            throw new IllegalArgumentException("pendingMaxAgeDays must not be negative, was " + pendingMaxAgeDays);
        }
        this.lookbackDays = lookbackDays;
        this.pendingMaxAgeDays = pendingMaxAgeDays;
    }

    public int lookbackDays() {
        return lookbackDays;
    }

    /** The first date whose movements {@link #forecast} reads. */
    public LocalDate observationStart(LocalDate asOf) {
        return asOf.minusDays(lookbackDays);
    }

    /** The dates whose movements {@link #forecast} reads. */
    public DateRange movementsNeeded(LocalDate asOf, int horizonDays) {
        return new DateRange(observationStart(asOf), asOf.plusDays(horizonDays));
    }

    /**
     * @param asOf the last day of history (today)
     * @param startBalance the balance at the end of {@code asOf}
     * @param movements at least the dates from {@link #observationStart} to {@code asOf + horizonDays}
     * @param firstDataDate the earliest date the series has any data for (a booked line or a reported balance); days
     *     before it are unknown, not zero, and are not averaged. Null when the series has no dated data.
     * @param pending the series' pending lines
     * @param horizonDays days to forecast (0 gives no points, but the inputs)
     */
    public Forecast forecast(
            LocalDate asOf,
            BigDecimal startBalance,
            Movements movements,
            @Nullable LocalDate firstDataDate,
            List<PendingLine> pending,
            int horizonDays) {
        Objects.requireNonNull(asOf, "asOf");
        if (horizonDays < 0) {
            throw new IllegalArgumentException("horizonDays must not be negative, was " + horizonDays);
        }
        Currency currency = movements.currency();

        LocalDate observedTo = asOf.minusDays(1);
        LocalDate observedFrom = observationStart(asOf);
        if (firstDataDate != null && firstDataDate.isAfter(observedFrom)) {
            observedFrom = firstDataDate;
        }
        boolean observed = firstDataDate != null && !observedFrom.isAfter(observedTo);
        int observedDays = observed ? (int) (observedTo.toEpochDay() - observedFrom.toEpochDay() + 1) : 0;
        BigDecimal observedNetFlow =
                observed ? movements.netAfter(observedFrom.minusDays(1), observedTo) : Amounts.zero(currency);

        LocalDate horizonEnd = asOf.plusDays(horizonDays);
        LocalDate staleBefore = asOf.minusDays(pendingMaxAgeDays);
        List<PendingLine> counted = new ArrayList<>();
        int stale = 0;
        for (PendingLine line : pending) {
            if (line.referenceDate().isBefore(staleBefore)) {
                stale++;
            } else if (!expectedOn(line, asOf).isAfter(horizonEnd)) {
                counted.add(line);
            }
        }
        BigDecimal pendingAmount = Amounts.zero(currency);
        for (PendingLine line : counted) {
            pendingAmount = pendingAmount.add(line.amount());
        }

        List<ForecastPoint> points = new ArrayList<>();
        for (int k = 1; k <= horizonDays; k++) {
            LocalDate date = asOf.plusDays(k);
            BigDecimal trend = observedDays == 0
                    ? Amounts.zero(currency)
                    : Amounts.roundEstimate(
                            observedNetFlow
                                    .multiply(BigDecimal.valueOf(k))
                                    .divide(
                                            BigDecimal.valueOf(observedDays),
                                            Amounts.MAX_SCALE + 2,
                                            RoundingMode.HALF_EVEN),
                            currency);
            BigDecimal balance = startBalance.add(trend).add(movements.netAfter(asOf, date));
            for (PendingLine line : counted) {
                if (!expectedOn(line, asOf).isAfter(date)) {
                    balance = balance.add(line.amount());
                }
            }
            points.add(new ForecastPoint(date, balance));
        }

        BigDecimal mean = observedDays == 0
                ? Amounts.zero(currency)
                : Amounts.roundEstimate(
                        observedNetFlow.divide(
                                BigDecimal.valueOf(observedDays), Amounts.MAX_SCALE + 2, RoundingMode.HALF_EVEN),
                        currency);
        ForecastInputs inputs = new ForecastInputs(
                startBalance,
                movements.netAfter(asOf, horizonEnd),
                lookbackDays,
                observed ? observedFrom : null,
                observed ? observedTo : null,
                observedDays,
                observedNetFlow,
                mean,
                counted.size(),
                pendingAmount,
                stale,
                pendingMaxAgeDays);
        return new Forecast(METHOD, DESCRIPTION, inputs, points);
    }

    /** A pending line dated today or earlier is expected to book tomorrow at the earliest. */
    static LocalDate expectedOn(PendingLine line, LocalDate asOf) {
        LocalDate date = line.referenceDate();
        return date.isAfter(asOf) ? date : asOf.plusDays(1);
    }
}
