package io.bankflow.cashflow.balances.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * End-of-day balances of one series over a window, reconstructed from the daily movements and, when the bank ever
 * reported one, the latest {@link BalanceAnchor}.
 *
 * <p>From an anchor on date A: {@code balance(d) = anchor + net(A, d]} for d after A and {@code balance(d) = anchor -
 * net(d, A]} for d before it, i.e. {@code balance(d - 1) = balance(d) - movements(d)}. Days without movements carry
 * the balance. Without an anchor the series is {@link BalanceBasis#RELATIVE}: cumulative net flow from zero at the end
 * of the day before the window, flagged as such and never presented as a real balance. Arithmetic is exact.
 */
public record BalanceSeries(BalanceBasis basis, @Nullable BalanceAnchor anchor, List<DailyBalance> days) {

    public BalanceSeries {
        days = List.copyOf(days);
    }

    /**
     * The dates whose movements {@link #reconstruct} needs: the window and everything between it and the anchor.
     */
    public static DateRange movementsNeeded(DateRange window, @Nullable BalanceAnchor anchor) {
        return anchor == null ? window : window.span(anchor.date());
    }

    /**
     * @param window the dates to return balances for
     * @param anchor the series' latest reported balance, or null when it has none
     * @param movements at least the dates of {@link #movementsNeeded}; dates missing from it count as days without
     *     lines
     */
    public static BalanceSeries reconstruct(DateRange window, @Nullable BalanceAnchor anchor, Movements movements) {
        LocalDate dayBefore = window.first().minusDays(1);
        BigDecimal balance;
        if (anchor == null) {
            balance = Amounts.zero(movements.currency());
        } else if (anchor.date().isAfter(dayBefore)) {
            balance = anchor.amount().subtract(movements.netAfter(dayBefore, anchor.date()));
        } else {
            balance = anchor.amount().add(movements.netAfter(anchor.date(), dayBefore));
        }
        List<DailyBalance> days = new ArrayList<>();
        for (LocalDate date = window.first(); !date.isAfter(window.last()); date = date.plusDays(1)) {
            DailyMovement movement = movements.on(date);
            balance = balance.add(movement.net());
            days.add(new DailyBalance(date, balance, movement.inflow(), movement.outflow()));
        }
        return new BalanceSeries(anchor == null ? BalanceBasis.RELATIVE : BalanceBasis.ANCHORED, anchor, days);
    }

    /** The balance at the end of a date of the window. */
    public Optional<BigDecimal> balanceOn(LocalDate date) {
        return days.stream()
                .filter(day -> day.date().equals(date))
                .map(DailyBalance::balance)
                .findFirst();
    }

    /** The last day of the window. */
    public DailyBalance last() {
        return days.getLast();
    }
}
