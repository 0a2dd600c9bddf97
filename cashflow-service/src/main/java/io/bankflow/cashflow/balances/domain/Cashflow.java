package io.bankflow.cashflow.balances.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The cash flow of one series as of a date: the history window ending on it and the forecast starting after it.
 *
 * @param asOf the last day of the history (today in the service's zone)
 */
public record Cashflow(SeriesKey series, LocalDate asOf, BalanceSeries history, Forecast forecast) {

    /**
     * @param historyDays days of history ending on {@code asOf} (at least 1)
     * @param forecastDays days of forecast after {@code asOf} (at least 0)
     */
    public record Request(SeriesKey series, LocalDate asOf, int historyDays, int forecastDays) {

        public Request {
            Objects.requireNonNull(series, "series");
            Objects.requireNonNull(asOf, "asOf");
            if (historyDays < 1) {
                throw new IllegalArgumentException("historyDays must be at least 1, was " + historyDays);
            }
            if (forecastDays < 0) {
                throw new IllegalArgumentException("forecastDays must not be negative, was " + forecastDays);
            }
        }

        public DateRange historyWindow() {
            return new DateRange(asOf.minusDays(historyDays - 1L), asOf);
        }
    }

    /** The dates whose movements {@link #compute} reads, for the latest anchor {@code anchor}. */
    public static DateRange movementsNeeded(
            Request request, @Nullable BalanceAnchor anchor, TrailingMeanForecast method) {
        DateRange forecast = method.movementsNeeded(request.asOf(), request.forecastDays());
        return BalanceSeries.movementsNeeded(request.historyWindow(), anchor)
                .span(forecast.first())
                .span(forecast.last());
    }

    /**
     * @param anchor the series' latest reported balance, or null
     * @param movements at least the dates of {@link #movementsNeeded}
     * @param firstDataDate the earliest date of a booked line or a reported balance of the series, or null
     * @param pending the series' pending lines
     */
    public static Cashflow compute(
            Request request,
            @Nullable BalanceAnchor anchor,
            Movements movements,
            @Nullable LocalDate firstDataDate,
            List<PendingLine> pending,
            TrailingMeanForecast method) {
        BalanceSeries history = BalanceSeries.reconstruct(request.historyWindow(), anchor, movements);
        Forecast forecast = method.forecast(
                request.asOf(), history.last().balance(), movements, firstDataDate, pending, request.forecastDays());
        return new Cashflow(request.series(), request.asOf(), history, forecast);
    }
}
