package io.bankflow.cashflow.balances.application.port.out;

import io.bankflow.cashflow.balances.domain.BalanceAnchor;
import io.bankflow.cashflow.balances.domain.SeriesKey;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Balances the banks reported, one per series and date (the latest report of a date wins). */
public interface BalanceAnchors {

    void record(SeriesKey series, BalanceAnchor anchor, String balanceType, UUID eventId);

    /** The anchor with the latest date. */
    Optional<BalanceAnchor> latest(SeriesKey series);

    /** The earliest anchor date. */
    Optional<LocalDate> firstDate(SeriesKey series);
}
