package io.bankflow.cashflow.balances.application;

import io.bankflow.cashflow.balances.application.port.out.TrackedSeries;
import io.bankflow.cashflow.balances.domain.SeriesKey;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The (account, currency) pairs the caller's organisation has cash flow data for. */
@Service
public class ListCashflowSeries {

    private final TrackedSeries trackedSeries;

    ListCashflowSeries(TrackedSeries trackedSeries) {
        this.trackedSeries = trackedSeries;
    }

    @Transactional(readOnly = true)
    public List<SeriesKey> list(String orgId) {
        return trackedSeries.of(orgId);
    }
}
