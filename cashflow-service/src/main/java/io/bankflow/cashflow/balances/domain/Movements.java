package io.bankflow.cashflow.balances.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The daily movements of one series over the dates they were loaded for; a date without an entry had no booked lines.
 */
public final class Movements {

    private final Currency currency;
    private final NavigableMap<LocalDate, DailyMovement> byDate;

    private Movements(Currency currency, NavigableMap<LocalDate, DailyMovement> byDate) {
        this.currency = currency;
        this.byDate = byDate;
    }

    /** @throws IllegalArgumentException when two movements share a date */
    public static Movements of(Currency currency, Collection<DailyMovement> movements) {
        Objects.requireNonNull(currency, "currency");
        NavigableMap<LocalDate, DailyMovement> byDate = new TreeMap<>();
        for (DailyMovement movement : movements) {
            if (byDate.put(movement.date(), movement) != null) {
                throw new IllegalArgumentException("Two movements on " + movement.date());
            }
        }
        return new Movements(currency, byDate);
    }

    public static Movements none(Currency currency) {
        return new Movements(currency, new TreeMap<>());
    }

    public Currency currency() {
        return currency;
    }

    /** The movement of a date, zero when it had none. */
    public DailyMovement on(LocalDate date) {
        DailyMovement movement = byDate.get(date);
        return movement != null ? movement : DailyMovement.none(date, currency);
    }

    /** Sum of the net movements of the dates after {@code after} up to and including {@code upTo}. */
    public BigDecimal netAfter(LocalDate after, LocalDate upTo) {
        BigDecimal sum = Amounts.zero(currency);
        if (!upTo.isAfter(after)) {
            return sum;
        }
        for (DailyMovement movement : byDate.subMap(after, false, upTo, true).values()) {
            sum = sum.add(movement.net());
        }
        return sum;
    }

    /** A copy with {@code delta} added to the movement of {@code date} (for what-if questions and tests). */
    public Movements with(LocalDate date, MovementDelta delta) {
        NavigableMap<LocalDate, DailyMovement> copy = new TreeMap<>(byDate);
        DailyMovement current = on(date);
        copy.put(
                date,
                new DailyMovement(
                        date,
                        current.inflow().add(delta.inflow()),
                        current.outflow().add(delta.outflow())));
        return new Movements(currency, copy);
    }
}
