package io.bankflow.cashflow.balances.domain;

import static io.bankflow.cashflow.balances.domain.Series.EUR;
import static io.bankflow.cashflow.balances.domain.Series.TODAY;
import static io.bankflow.cashflow.balances.domain.Series.daysAgo;
import static io.bankflow.cashflow.balances.domain.Series.eur;
import static io.bankflow.cashflow.balances.domain.Series.pending;
import static io.bankflow.cashflow.balances.domain.Series.series;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrailingMeanForecastTest {

    private final TrailingMeanForecast method = new TrailingMeanForecast(10, 14);

    @Test
    void projectsTheMeanDailyNetFlowOfTheLookbackFromTodaysBalance() {
        // 10 observed days (yesterday and the 9 before it): +100 in, -40 out => net 60, 6.00 a day.
        Movements movements = series().on(daysAgo(10), "100.00", "0")
                .on(daysAgo(3), "0", "40.00")
                .on(daysAgo(11), "5000.00", "0") // outside the look-back
                .on(TODAY, "777.00", "0") // today is not over: not observed
                .movements();

        Forecast forecast = method.forecast(TODAY, eur("1000.00"), movements, daysAgo(30), List.of(), 3);

        assertThat(forecast.method()).isEqualTo("trailing-mean-daily-net-flow-plus-pending");
        assertThat(forecast.points())
                .extracting(p -> p.date().toString() + "=" + p.balance().toPlainString())
                .containsExactly("2026-04-01=1006.00", "2026-04-02=1012.00", "2026-04-03=1018.00");
        ForecastInputs inputs = forecast.inputs();
        assertThat(inputs.observedFrom()).isEqualTo(daysAgo(10));
        assertThat(inputs.observedTo()).isEqualTo(daysAgo(1));
        assertThat(inputs.observedDays()).isEqualTo(10);
        assertThat(inputs.observedNetFlow()).hasToString("60.00");
        assertThat(inputs.meanDailyNetFlow()).hasToString("6.00");
        assertThat(inputs.startBalance()).hasToString("1000.00");
    }

    @Test
    void averagesOnlyTheDaysTheSeriesHasDataForNotUnknownDaysAsZero() {
        Movements movements = series().on(daysAgo(2), "30.00", "0").movements();

        Forecast forecast = method.forecast(TODAY, eur("0"), movements, daysAgo(2), List.of(), 1);

        assertThat(forecast.inputs().observedDays()).isEqualTo(2);
        assertThat(forecast.inputs().meanDailyNetFlow()).hasToString("15.00");
        assertThat(forecast.points().getFirst().balance()).hasToString("15.00");
    }

    @Test
    void staysFlatAndSaysSoWhenNoDayCouldBeObserved() {
        Forecast forecast = method.forecast(TODAY, eur("50.00"), Movements.none(EUR), TODAY, List.of(), 2);

        assertThat(forecast.inputs().observedDays()).isZero();
        assertThat(forecast.inputs().observedFrom()).isNull();
        assertThat(forecast.points())
                .extracting(p -> p.balance().toPlainString())
                .containsExactly("50.00", "50.00");
    }

    @Test
    void roundsTheTrendOfEachDayOnceSoThatNoRoundingErrorAccumulates() {
        // Net 10.00 over 3 days: 3.333... a day. Day 3 is exactly 10.00, not 3 * 3.33.
        Movements movements = series().on(daysAgo(1), "10.00", "0").movements();
        TrailingMeanForecast threeDays = new TrailingMeanForecast(3, 14);

        Forecast forecast = threeDays.forecast(TODAY, eur("0"), movements, daysAgo(30), List.of(), 3);

        assertThat(forecast.points())
                .extracting(p -> p.balance().toPlainString())
                .containsExactly("3.33", "6.67", "10.00");
        assertThat(forecast.inputs().meanDailyNetFlow()).hasToString("3.33");
    }

    @Test
    void addsPendingLinesOnTheirExpectedDatesAndOverdueOnesTomorrow() {
        List<PendingLine> pending = List.of(
                pending("-200.00", TODAY.plusDays(2)),
                pending("50.00", daysAgo(3)), // overdue: expected tomorrow
                pending("999.00", TODAY.plusDays(30)), // beyond the horizon
                pending("-1.00", daysAgo(15))); // stale: probably vanished

        Forecast forecast = method.forecast(TODAY, eur("1000.00"), Movements.none(EUR), daysAgo(30), pending, 3);

        assertThat(forecast.points())
                .extracting(p -> p.balance().toPlainString())
                .containsExactly("1050.00", "850.00", "850.00");
        assertThat(forecast.inputs().pendingLinesIncluded()).isEqualTo(2);
        assertThat(forecast.inputs().pendingAmount()).hasToString("-150.00");
        assertThat(forecast.inputs().stalePendingLinesIgnored()).isEqualTo(1);
    }

    @Test
    void givesTheMethodAndItsInputsEvenForAZeroDayHorizon() {
        Forecast forecast = method.forecast(TODAY, eur("1.00"), Movements.none(EUR), daysAgo(3), List.of(), 0);

        assertThat(forecast.points()).isEmpty();
        assertThat(forecast.inputs().lookbackDays()).isEqualTo(10);
        assertThat(forecast.description()).isNotBlank();
    }
}
