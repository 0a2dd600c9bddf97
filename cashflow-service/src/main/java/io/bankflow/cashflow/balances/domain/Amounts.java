package io.bankflow.cashflow.balances.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Exact money arithmetic rules. Amounts are {@link BigDecimal}s in the currency's major unit, never floating point.
 *
 * <p>An amount is shown with its currency's scale (EUR 12.5 is {@code 12.50}, JPY {@code 1200}) unless it carries
 * sub-minor precision (some processors report it): then the extra digits are kept rather than rounded away, up to
 * {@link #MAX_SCALE}, the precision of the events and of the database.
 */
public final class Amounts {

    /** Fractional digits the events (Avro decimal scale 6) and the tables (numeric(24,6)) carry. */
    public static final int MAX_SCALE = 6;

    private Amounts() {}

    /** The currency's number of minor digits (ISO 4217); 0 for the few codes without one (e.g. XAU). */
    public static int scaleOf(Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    /**
     * The same value with the currency's scale, or more digits when it has sub-minor precision. Never rounds.
     *
     * @throws IllegalArgumentException when the amount has more than {@link #MAX_SCALE} significant fractional digits
     */
    public static BigDecimal normalize(BigDecimal amount, Currency currency) {
        int needed = amount.signum() == 0 ? 0 : amount.stripTrailingZeros().scale();
        if (needed > MAX_SCALE) {
            throw new IllegalArgumentException(
                    "Amount has more than " + MAX_SCALE + " fractional digits: precision Bankflow does not carry");
        }
        return amount.setScale(Math.max(scaleOf(currency), needed), RoundingMode.UNNECESSARY);
    }

    /** Zero with the currency's scale. */
    public static BigDecimal zero(Currency currency) {
        return BigDecimal.ZERO.setScale(scaleOf(currency));
    }

    /** An estimate (never a booked amount) rounded half-even to the currency's scale. */
    public static BigDecimal roundEstimate(BigDecimal estimate, Currency currency) {
        return estimate.setScale(scaleOf(currency), RoundingMode.HALF_EVEN);
    }
}
