package io.bankflow.reconciliation.expectedpayments.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An exact amount of money in one ISO 4217 currency: a decimal with at most 6 fractional digits (the events' and the
 * database's scale) and at most 18 integer digits. Never floating point.
 *
 * @param amount the signed amount in the currency's major unit
 * @param currency the ISO 4217 alphabetic code, upper case
 */
public record Money(BigDecimal amount, String currency) {

    /** Fractional digits kept everywhere (Avro decimal(24,6), numeric(24,6)). */
    public static final int SCALE = 6;

    private static final int PRECISION = 24;
    private static final Set<String> ISO_CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (!isCurrency(currency)) {
            throw new IllegalArgumentException("Not an ISO 4217 currency code: " + currency);
        }
        if (Math.max(amount.stripTrailingZeros().scale(), 0) > SCALE) {
            throw new IllegalArgumentException("At most " + SCALE + " fractional digits");
        }
        amount = amount.setScale(SCALE);
        if (amount.precision() > PRECISION) {
            throw new IllegalArgumentException("At most " + (PRECISION - SCALE) + " integer digits");
        }
    }

    /** Whether the text is an ISO 4217 alphabetic currency code (upper case). */
    public static boolean isCurrency(String code) {
        return ISO_CURRENCIES.contains(code);
    }

    /** Money in (a credit): strictly positive. */
    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /** The amount as plain text, without exponent, e.g. {@code 12.500000}. */
    public String amountText() {
        return amount.toPlainString();
    }
}
