package io.bankflow.cashflow.balances.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void givesAnAmountItsCurrencysScale() {
        assertThat(Amounts.normalize(new BigDecimal("12.500000"), Currency.getInstance("EUR")))
                .hasToString("12.50");
        assertThat(Amounts.normalize(new BigDecimal("1200.000000"), Currency.getInstance("JPY")))
                .hasToString("1200");
        assertThat(Amounts.normalize(new BigDecimal("0.000000"), Currency.getInstance("KWD")))
                .hasToString("0.000");
    }

    @Test
    void keepsSubMinorPrecisionRatherThanRoundingItAway() {
        assertThat(Amounts.normalize(new BigDecimal("0.001230"), Currency.getInstance("EUR")))
                .hasToString("0.00123");
    }

    @Test
    void refusesPrecisionBeyondWhatEventsAndTablesCarry() {
        assertThatThrownBy(() -> Amounts.normalize(new BigDecimal("1.0000001"), Currency.getInstance("EUR")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundsEstimatesHalfEvenToTheCurrencysScale() {
        assertThat(Amounts.roundEstimate(new BigDecimal("10.125"), Currency.getInstance("EUR")))
                .hasToString("10.12");
        assertThat(Amounts.roundEstimate(new BigDecimal("10.135"), Currency.getInstance("EUR")))
                .hasToString("10.14");
    }
}
