package io.bankflow.cashflow.balances.application;

import io.bankflow.cashflow.balances.CashflowProperties;
import io.bankflow.cashflow.balances.application.port.out.BalanceAnchors;
import io.bankflow.cashflow.balances.application.port.out.DailyMovements;
import io.bankflow.cashflow.balances.application.port.out.PendingLines;
import io.bankflow.cashflow.balances.application.port.out.TrackedSeries;
import io.bankflow.cashflow.balances.domain.BalanceAnchor;
import io.bankflow.cashflow.balances.domain.Cashflow;
import io.bankflow.cashflow.balances.domain.SeriesKey;
import io.bankflow.cashflow.balances.domain.TrailingMeanForecast;
import io.bankflow.httpapi.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** History and forecast of one account and currency of the caller's organisation, as of today. */
@Service
public class GetCashflow {

    private final TrackedSeries trackedSeries;
    private final BalanceAnchors anchors;
    private final DailyMovements movements;
    private final PendingLines pendingLines;
    private final TrailingMeanForecast method;
    private final Clock clock;
    private final CashflowProperties properties;

    GetCashflow(
            TrackedSeries trackedSeries,
            BalanceAnchors anchors,
            DailyMovements movements,
            PendingLines pendingLines,
            TrailingMeanForecast method,
            Clock clock,
            CashflowProperties properties) {
        this.trackedSeries = trackedSeries;
        this.anchors = anchors;
        this.movements = movements;
        this.pendingLines = pendingLines;
        this.method = method;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * @throws NotFoundException when the organisation has no data for the account in that currency: an account of
     *     another organisation looks exactly like an unknown one (ADR 0002)
     */
    @Transactional(readOnly = true)
    public Cashflow get(String orgId, UUID accountId, Currency currency, int historyDays, int forecastDays) {
        SeriesKey series = new SeriesKey(orgId, accountId, currency);
        if (!trackedSeries.exists(series)) {
            throw new NotFoundException("No cash flow data for account " + accountId + " in " + currency + ".");
        }
        Cashflow.Request request = new Cashflow.Request(
                series, LocalDate.now(clock.withZone(properties.zone())), historyDays, forecastDays);
        BalanceAnchor anchor = anchors.latest(series).orElse(null);
        LocalDate firstDataDate = Stream.of(movements.firstDate(series), anchors.firstDate(series))
                .flatMap(Optional::stream)
                .min(LocalDate::compareTo)
                .orElse(null);
        return Cashflow.compute(
                request,
                anchor,
                movements.between(series, Cashflow.movementsNeeded(request, anchor, method)),
                firstDataDate,
                pendingLines.of(series),
                method);
    }
}
