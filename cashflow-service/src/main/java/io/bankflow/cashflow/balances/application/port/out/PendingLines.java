package io.bankflow.cashflow.balances.application.port.out;

import io.bankflow.cashflow.balances.domain.PendingLine;
import io.bankflow.cashflow.balances.domain.SeriesKey;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Pending lines waiting to book, for the forecast. */
public interface PendingLines {

    /** Stores a pending line, or replaces the stored version of it (keeping when it was first seen). */
    void keep(PendingLine line);

    /** Removes these lines of the organisation (they booked); returns how many there were. */
    int remove(String orgId, Collection<UUID> lineIds);

    /** The series' pending lines. */
    List<PendingLine> of(SeriesKey series);
}
