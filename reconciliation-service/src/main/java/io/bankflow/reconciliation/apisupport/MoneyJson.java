package io.bankflow.reconciliation.apisupport;

import io.bankflow.reconciliation.expectedpayments.domain.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * Money as the API shows it: the amount as a decimal string (never a JSON number, which clients may read as floating
 * point) and its ISO 4217 currency.
 *
 * @param amount decimal, with the currency's usual fractional digits (more when the value needs them)
 * @param currency ISO 4217 alphabetic code
 */
@Schema(name = "Money", description = "An exact amount of money.")
public record MoneyJson(
        @Schema(description = "Decimal amount as a string, in the currency's major unit.", example = "125.50")
        String amount,

        @Schema(description = "ISO 4217 alphabetic currency code.", example = "EUR")
        String currency) {

    public static MoneyJson of(Money money) {
        BigDecimal plain = money.amount().stripTrailingZeros();
        int usual = Math.max(Currency.getInstance(money.currency()).getDefaultFractionDigits(), 0);
        if (plain.scale() < usual) {
            plain = plain.setScale(usual);
        } else if (plain.scale() < 0) {
            plain = plain.setScale(0);
        }
        return new MoneyJson(plain.toPlainString(), money.currency());
    }
}
