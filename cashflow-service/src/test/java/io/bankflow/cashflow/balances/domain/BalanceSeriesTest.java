package io.bankflow.cashflow.balances.domain;

import static io.bankflow.cashflow.balances.domain.Series.EUR;
import static io.bankflow.cashflow.balances.domain.Series.daysAgo;
import static io.bankflow.cashflow.balances.domain.Series.eur;
import static io.bankflow.cashflow.balances.domain.Series.series;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BalanceSeriesTest {

    private final DateRange lastFiveDays = new DateRange(daysAgo(4), daysAgo(0));

    @Test
    void walksBackwardsFromAnAnchorAtTheEndOfTheWindow() {
        Movements movements = series().on(daysAgo(3), "100.00", "0")
                .on(daysAgo(1), "0", "40.50")
                .on(daysAgo(0), "10.00", "0")
                .movements();

        BalanceSeries history =
                BalanceSeries.reconstruct(lastFiveDays, new BalanceAnchor(daysAgo(0), eur("1000.00")), movements);

        assertThat(history.basis()).isEqualTo(BalanceBasis.ANCHORED);
        assertThat(history.days())
                .extracting(day -> day.balance().toPlainString())
                .containsExactly("930.50", "1030.50", "1030.50", "990.00", "1000.00");
        assertThat(history.days().get(3).outflow()).isEqualByComparingTo("40.50");
    }

    @Test
    void walksForwardsFromAnAnchorBeforeTheWindow() {
        Movements movements = series().on(daysAgo(8), "999.00", "0") // before the anchor: already in it
                .on(daysAgo(6), "50.00", "0") // between anchor and window
                .on(daysAgo(2), "0", "25.00")
                .movements();

        BalanceSeries history =
                BalanceSeries.reconstruct(lastFiveDays, new BalanceAnchor(daysAgo(7), eur("200.00")), movements);

        assertThat(history.days())
                .extracting(day -> day.balance().toPlainString())
                .containsExactly("250.00", "250.00", "225.00", "225.00", "225.00");
    }

    @Test
    void keepsTheAnchorDaysBalanceEqualToTheReportedBalance() {
        Movements movements = series().on(daysAgo(2), "5.00", "1.00").movements();

        BalanceSeries history =
                BalanceSeries.reconstruct(lastFiveDays, new BalanceAnchor(daysAgo(2), eur("77.77")), movements);

        assertThat(history.balanceOn(daysAgo(2)))
                .hasValueSatisfying(b -> assertThat(b).isEqualByComparingTo("77.77"));
        assertThat(history.balanceOn(daysAgo(3)))
                .hasValueSatisfying(b -> assertThat(b).isEqualByComparingTo("73.77"));
    }

    @Test
    void saysSoWhenThereIsNoAnchorAndCountsFromZeroInsteadOfInventingABalance() {
        Movements movements = series().on(daysAgo(4), "10.00", "0")
                .on(daysAgo(1), "0", "3.00")
                .movements();

        BalanceSeries history = BalanceSeries.reconstruct(lastFiveDays, null, movements);

        assertThat(history.basis()).isEqualTo(BalanceBasis.RELATIVE);
        assertThat(history.anchor()).isNull();
        assertThat(history.days())
                .extracting(day -> day.balance().toPlainString())
                .containsExactly("10.00", "10.00", "10.00", "7.00", "7.00");
    }

    @Test
    void carriesTheBalanceOverDaysWithoutMovementsInTheCurrencysScale() {
        BalanceSeries history =
                BalanceSeries.reconstruct(lastFiveDays, new BalanceAnchor(daysAgo(10), eur("5")), Movements.none(EUR));

        assertThat(history.days()).hasSize(5).allSatisfy(day -> {
            assertThat(day.balance()).hasToString("5.00");
            assertThat(day.inflow()).hasToString("0.00");
            assertThat(day.outflow()).hasToString("0.00");
        });
    }

    @Test
    void needsTheMovementsBetweenTheAnchorAndTheWindow() {
        assertThat(BalanceSeries.movementsNeeded(lastFiveDays, new BalanceAnchor(daysAgo(20), eur("1"))))
                .isEqualTo(new DateRange(daysAgo(20), daysAgo(0)));
        assertThat(BalanceSeries.movementsNeeded(lastFiveDays, new BalanceAnchor(daysAgo(-3), eur("1"))))
                .isEqualTo(new DateRange(daysAgo(4), daysAgo(-3)));
        assertThat(BalanceSeries.movementsNeeded(lastFiveDays, null)).isEqualTo(lastFiveDays);
    }
}
