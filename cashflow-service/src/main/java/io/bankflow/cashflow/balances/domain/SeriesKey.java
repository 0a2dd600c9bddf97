package io.bankflow.cashflow.balances.domain;

import java.util.Currency;
import java.util.Objects;
import java.util.UUID;

/**
 * One balance series: an account of an organisation in one currency. A multi-currency account (a payment processor's
 * balance, say) has one series per currency.
 */
public record SeriesKey(String orgId, UUID accountId, Currency currency) {

    public SeriesKey {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(currency, "currency");
        if (orgId.isBlank()) {
            throw new IllegalArgumentException("orgId must not be blank");
        }
    }
}
