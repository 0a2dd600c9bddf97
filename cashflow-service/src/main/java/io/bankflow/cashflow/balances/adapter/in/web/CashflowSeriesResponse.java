package io.bankflow.cashflow.balances.adapter.in.web;

import io.bankflow.cashflow.balances.domain.SeriesKey;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** The (account, currency) pairs the organisation has cash flow data for. */
@Schema(name = "CashflowAccounts")
record CashflowSeriesResponse(List<Item> items) {

    static CashflowSeriesResponse of(List<SeriesKey> series) {
        return new CashflowSeriesResponse(series.stream()
                .map(key -> new Item(key.accountId(), key.currency().getCurrencyCode()))
                .toList());
    }

    @Schema(name = "CashflowAccount")
    record Item(UUID accountId, @Schema(example = "EUR") String currency) {}
}
