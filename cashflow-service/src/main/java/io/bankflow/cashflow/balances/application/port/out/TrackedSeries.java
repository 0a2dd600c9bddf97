package io.bankflow.cashflow.balances.application.port.out;

import io.bankflow.cashflow.balances.domain.SeriesKey;
import java.util.List;

/** The series an organisation has any data for (a booked or pending line, or a reported balance). */
public interface TrackedSeries {

    /** Idempotent. */
    void track(SeriesKey series);

    boolean exists(SeriesKey series);

    /** The organisation's series, by account id then currency. */
    List<SeriesKey> of(String orgId);
}
