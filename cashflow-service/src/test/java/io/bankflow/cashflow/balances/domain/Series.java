package io.bankflow.cashflow.balances.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** Test data: a small DSL for movements and pending lines of one EUR series. */
final class Series {

    static final Currency EUR = Currency.getInstance("EUR");
    static final SeriesKey KEY = new SeriesKey("acme-industries", UUID.randomUUID(), EUR);
    static final LocalDate TODAY = LocalDate.of(2026, 3, 31);

    private final List<DailyMovement> movements = new ArrayList<>();

    static Series series() {
        return new Series();
    }

    static BigDecimal eur(String amount) {
        return Amounts.normalize(new BigDecimal(amount), EUR);
    }

    static LocalDate daysAgo(int days) {
        return TODAY.minusDays(days);
    }

    /** Money in and out on a date. */
    Series on(LocalDate date, String inflow, String outflow) {
        movements.add(new DailyMovement(date, eur(inflow), eur(outflow)));
        return this;
    }

    Movements movements() {
        return Movements.of(EUR, movements);
    }

    static PendingLine pending(String amount, LocalDate expected) {
        return new PendingLine(UUID.randomUUID(), KEY, expected, eur(amount), TODAY);
    }
}
