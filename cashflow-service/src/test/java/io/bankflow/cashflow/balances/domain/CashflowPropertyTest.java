package io.bankflow.cashflow.balances.domain;

import static io.bankflow.cashflow.balances.domain.Series.EUR;
import static io.bankflow.cashflow.balances.domain.Series.KEY;
import static io.bankflow.cashflow.balances.domain.Series.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.jspecify.annotations.Nullable;

/** Rules the history and the forecast keep for all inputs. */
class CashflowPropertyTest {

    private static final int HISTORY_DAYS = 40;
    private static final TrailingMeanForecast METHOD = new TrailingMeanForecast(30, 14);

    /** Movements of random days around today (some before, inside and after the windows), in cents. */
    @Provide
    Arbitrary<Movements> movements() {
        Arbitrary<DailyMovement> day = Combinators.combine(
                        Arbitraries.integers().between(-5, 120),
                        Arbitraries.longs().between(0, 10_000_000_00L),
                        Arbitraries.longs().between(0, 10_000_000_00L))
                .as((daysAgo, in, out) -> new DailyMovement(TODAY.minusDays(daysAgo), cents(in), cents(out)));
        return day.list().ofMaxSize(60).map(days -> {
            Map<LocalDate, DailyMovement> unique = new TreeMap<>();
            days.forEach(d -> unique.putIfAbsent(d.date(), d));
            return Movements.of(EUR, unique.values());
        });
    }

    @Provide
    Arbitrary<@Nullable BalanceAnchor> anchors() {
        Arbitrary<BalanceAnchor> anchor = Combinators.combine(
                        Arbitraries.integers().between(-3, 100),
                        Arbitraries.longs().between(-1_000_000_000_00L, 1_000_000_000_00L))
                .as((daysAgo, amount) -> new BalanceAnchor(TODAY.minusDays(daysAgo), cents(amount)));
        return anchor.injectNull(0.2);
    }

    @Provide
    Arbitrary<List<PendingLine>> pendingLines() {
        return Combinators.combine(
                        Arbitraries.integers().between(-20, 40),
                        Arbitraries.longs().between(-1_000_000_00L, 1_000_000_00L))
                .as((inDays, amount) ->
                        new PendingLine(UUID.randomUUID(), KEY, TODAY.plusDays(inDays), cents(amount), TODAY))
                .list()
                .ofMaxSize(5);
    }

    @Property
    void historyIsConsistentSumOfMovementsBetweenTwoDaysIsTheirBalanceDifference(
            @ForAll("movements") Movements movements,
            @ForAll("anchors") @Nullable BalanceAnchor anchor,
            @ForAll @IntRange(min = 0, max = HISTORY_DAYS - 1) int a,
            @ForAll @IntRange(min = 0, max = HISTORY_DAYS - 1) int b) {
        BalanceSeries history = history(movements, anchor);
        LocalDate earlier = TODAY.minusDays(Math.max(a, b));
        LocalDate later = TODAY.minusDays(Math.min(a, b));

        BigDecimal difference = history.balanceOn(later)
                .orElseThrow()
                .subtract(history.balanceOn(earlier).orElseThrow());

        assertThat(difference).isEqualByComparingTo(movements.netAfter(earlier, later));
    }

    @Property
    void theAnchorDayHasExactlyTheReportedBalance(
            @ForAll("movements") Movements movements,
            @ForAll @IntRange(min = 0, max = HISTORY_DAYS - 1) int anchorDaysAgo,
            @ForAll long anchorCents) {
        BalanceAnchor anchor =
                new BalanceAnchor(TODAY.minusDays(anchorDaysAgo), cents(anchorCents % 1_000_000_000_00L));

        BalanceSeries history = history(movements, anchor);

        assertThat(history.balanceOn(anchor.date()).orElseThrow()).isEqualTo(anchor.amount());
    }

    @Property
    void balancesAreExactAndInTheCurrencysScale(
            @ForAll("movements") Movements movements, @ForAll("anchors") @Nullable BalanceAnchor anchor) {
        assertThat(history(movements, anchor).days()).allSatisfy(day -> {
            assertThat(day.balance().scale()).isEqualTo(2);
            assertThat(day.inflow().signum()).isNotNegative();
            assertThat(day.outflow().signum()).isNotNegative();
        });
    }

    @Property
    void theForecastOfAFlatHistoryWithoutPendingLinesIsFlat(
            @ForAll("anchors") @Nullable BalanceAnchor anchor, @ForAll @IntRange(min = 0, max = 90) int horizon) {
        Cashflow cashflow = compute(Movements.none(EUR), anchor, List.of(), horizon);

        BigDecimal today = cashflow.history().last().balance();
        assertThat(cashflow.forecast().points())
                .hasSize(horizon)
                .allSatisfy(point -> assertThat(point.balance()).isEqualByComparingTo(today));
    }

    /**
     * Anywhere except between today and a reported balance dated later: there the report says the money was already
     * counted, so a credit booked before it means less money before the credit.
     */
    @Property
    void addingACreditNeverLowersAnyForecastPointUnlessALaterReportedBalanceAlreadyHoldsIt(
            @ForAll("movements") Movements movements,
            @ForAll("anchors") @Nullable BalanceAnchor anchor,
            @ForAll("pendingLines") List<PendingLine> pending,
            @ForAll @IntRange(min = -5, max = 120) int creditDaysAgo,
            @ForAll @IntRange(min = 1, max = 1_000_000_00) int creditCents) {
        LocalDate creditDay = TODAY.minusDays(creditDaysAgo);
        Assume.that(anchor == null || !creditDay.isAfter(TODAY) || creditDay.isAfter(anchor.date()));
        Movements withCredit = movements.with(creditDay, MovementDelta.of(cents(creditCents)));

        List<ForecastPoint> before =
                compute(movements, anchor, pending, 30).forecast().points();
        List<ForecastPoint> after =
                compute(withCredit, anchor, pending, 30).forecast().points();

        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).balance())
                    .isGreaterThanOrEqualTo(before.get(i).balance());
        }
    }

    @Property
    void addingAPendingCreditNeverLowersAnyForecastPoint(
            @ForAll("movements") Movements movements,
            @ForAll("anchors") @Nullable BalanceAnchor anchor,
            @ForAll("pendingLines") List<PendingLine> pending,
            @ForAll @IntRange(min = -20, max = 40) int inDays,
            @ForAll @IntRange(min = 1, max = 1_000_000_00) int creditCents) {
        List<PendingLine> more = new ArrayList<>(pending);
        more.add(new PendingLine(UUID.randomUUID(), KEY, TODAY.plusDays(inDays), cents(creditCents), TODAY));

        List<ForecastPoint> before =
                compute(movements, anchor, pending, 30).forecast().points();
        List<ForecastPoint> after =
                compute(movements, anchor, more, 30).forecast().points();

        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).balance())
                    .isGreaterThanOrEqualTo(before.get(i).balance());
        }
    }

    @Property
    void aCreditBookedAfterALaterReportedBalanceRaisesTheForecastFromItsDayOn(
            @ForAll("movements") Movements movements,
            @ForAll @IntRange(min = 1, max = 29) int creditInDays,
            @ForAll @IntRange(min = 1, max = 1_000_000_00) int creditCents) {
        BalanceAnchor anchor = new BalanceAnchor(TODAY, cents(100_00));
        LocalDate creditDay = TODAY.plusDays(creditInDays);

        List<ForecastPoint> before =
                compute(movements, anchor, List.of(), 30).forecast().points();
        List<ForecastPoint> after = compute(
                        movements.with(creditDay, MovementDelta.of(cents(creditCents))), anchor, List.of(), 30)
                .forecast()
                .points();

        for (int i = 0; i < before.size(); i++) {
            BigDecimal expected = before.get(i).date().isBefore(creditDay)
                    ? before.get(i).balance()
                    : before.get(i).balance().add(cents(creditCents));
            assertThat(after.get(i).balance()).isEqualByComparingTo(expected);
        }
    }

    @Property
    void isDeterministic(
            @ForAll("movements") Movements movements,
            @ForAll("anchors") @Nullable BalanceAnchor anchor,
            @ForAll("pendingLines") List<PendingLine> pending) {
        assertThat(compute(movements, anchor, pending, 30)).isEqualTo(compute(movements, anchor, pending, 30));
    }

    private static BalanceSeries history(Movements movements, @Nullable BalanceAnchor anchor) {
        return BalanceSeries.reconstruct(new DateRange(TODAY.minusDays(HISTORY_DAYS - 1), TODAY), anchor, movements);
    }

    private static Cashflow compute(
            Movements movements, @Nullable BalanceAnchor anchor, List<PendingLine> pending, int horizon) {
        return Cashflow.compute(
                new Cashflow.Request(KEY, TODAY, HISTORY_DAYS, horizon),
                anchor,
                movements,
                TODAY.minusDays(200),
                pending,
                METHOD);
    }

    private static BigDecimal cents(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
