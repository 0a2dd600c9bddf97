package io.bankflow.cashflow.balances.adapter.in.web;

import io.bankflow.cashflow.balances.domain.BalanceAnchor;
import io.bankflow.cashflow.balances.domain.Cashflow;
import io.bankflow.cashflow.balances.domain.DailyBalance;
import io.bankflow.cashflow.balances.domain.Forecast;
import io.bankflow.cashflow.balances.domain.ForecastInputs;
import io.bankflow.cashflow.balances.domain.ForecastPoint;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** History and forecast of one account and currency. Amounts are decimal strings, exact, in the currency's scale. */
@Schema(name = "Cashflow")
record CashflowResponse(
        UUID accountId,

        @Schema(description = "ISO 4217 code.", example = "EUR")
        String currency,

        @Schema(
                description =
                        "Last day of the history (today in the service's zone); the forecast starts the day after.")
        LocalDate asOf,

        @Schema(
                description = "ANCHORED: real balances, walked from the latest balance the bank reported."
                        + " RELATIVE: the bank never reported a balance, so balance is the cumulative net flow"
                        + " since the end of the day before the first history day (taken as 0), not the"
                        + " account's balance.",
                allowableValues = {"ANCHORED", "RELATIVE"})
        String balanceBasis,

        @Schema(description = "The latest reported balance the series is walked from; null when there is none.")
        @Nullable
        Anchor anchor,

        @Schema(description = "One entry per day, oldest first, historyDays long, ending on asOf.")
        List<HistoryDay> history,

        ForecastBody forecast) {

    static CashflowResponse of(Cashflow cashflow) {
        BalanceAnchor anchor = cashflow.history().anchor();
        return new CashflowResponse(
                cashflow.series().accountId(),
                cashflow.series().currency().getCurrencyCode(),
                cashflow.asOf(),
                cashflow.history().basis().name(),
                anchor == null ? null : new Anchor(anchor.date(), text(anchor.amount())),
                cashflow.history().days().stream().map(HistoryDay::of).toList(),
                ForecastBody.of(cashflow.forecast()));
    }

    static String text(BigDecimal amount) {
        return amount.toPlainString();
    }

    @Schema(name = "CashflowAnchor")
    record Anchor(
            LocalDate date, @Schema(example = "10250.00") String amount) {}

    @Schema(name = "CashflowHistoryDay")
    record HistoryDay(
            LocalDate date,

            @Schema(description = "End-of-day balance.", example = "10250.00")
            String balance,

            @Schema(description = "Booked money in that day (credits), never negative.", example = "300.00")
            String inflow,

            @Schema(description = "Booked money out that day (debits) as a positive amount.", example = "120.50")
            String outflow) {

        static HistoryDay of(DailyBalance day) {
            return new HistoryDay(day.date(), text(day.balance()), text(day.inflow()), text(day.outflow()));
        }
    }

    @Schema(name = "CashflowForecast")
    record ForecastBody(
            @Schema(example = "trailing-mean-daily-net-flow-plus-pending")
            String method,

            String description,
            Inputs inputs,

            @Schema(description = "One point per day after asOf, forecastDays long.")
            List<Point> points) {

        static ForecastBody of(Forecast forecast) {
            return new ForecastBody(
                    forecast.method(),
                    forecast.description(),
                    Inputs.of(forecast.inputs()),
                    forecast.points().stream().map(Point::of).toList());
        }
    }

    @Schema(name = "CashflowForecastInputs", description = "What the forecast was computed from.")
    record Inputs(
            @Schema(description = "Balance at the end of asOf.")
            String startBalance,

            @Schema(description = "Booked lines dated after asOf within the horizon, counted on their dates.")
            String bookedAhead,

            @Schema(description = "Configured length of the observation window in days.")
            int lookbackDays,

            @Schema(description = "First observed day (null when no day was observed).") @Nullable
            LocalDate observedFrom,

            @Schema(description = "Last observed day: the day before asOf.") @Nullable
            LocalDate observedTo,

            @Schema(description = "Observed days; fewer than lookbackDays when the data starts later.")
            int observedDays,

            @Schema(description = "Booked net flow over the observed days.")
            String observedNetFlow,

            @Schema(description = "observedNetFlow / observedDays, rounded half-even to the currency's scale.")
            String meanDailyNetFlow,

            @Schema(description = "Pending lines counted on their expected dates.")
            int pendingLinesIncluded,

            @Schema(description = "Sum of the counted pending lines.")
            String pendingAmount,

            @Schema(description = "Pending lines ignored as stale (dated more than pendingMaxAgeDays before asOf).")
            int stalePendingLinesIgnored,

            int pendingMaxAgeDays) {

        static Inputs of(ForecastInputs inputs) {
            return new Inputs(
                    text(inputs.startBalance()),
                    text(inputs.bookedAhead()),
                    inputs.lookbackDays(),
                    inputs.observedFrom(),
                    inputs.observedTo(),
                    inputs.observedDays(),
                    text(inputs.observedNetFlow()),
                    text(inputs.meanDailyNetFlow()),
                    inputs.pendingLinesIncluded(),
                    text(inputs.pendingAmount()),
                    inputs.stalePendingLinesIgnored(),
                    inputs.pendingMaxAgeDays());
        }
    }

    @Schema(name = "CashflowForecastPoint")
    record Point(
            LocalDate date,

            @Schema(description = "Forecast end-of-day balance.")
            String balance) {

        static Point of(ForecastPoint point) {
            return new Point(point.date(), text(point.balance()));
        }
    }
}
