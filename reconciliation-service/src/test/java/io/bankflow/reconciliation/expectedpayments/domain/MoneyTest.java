package io.bankflow.reconciliation.expectedpayments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void keepsSixFractionalDigitsWhateverScaleItWasGiven() {
        assertThat(new Money(new BigDecimal("12.5"), "EUR").amount()).isEqualTo(new BigDecimal("12.500000"));
        assertThat(new Money(new BigDecimal("1.2000000"), "EUR").amount()).isEqualTo(new BigDecimal("1.200000"));
    }

    @Test
    void refusesMoreThanSixSignificantFractionalDigits() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Money(new BigDecimal("0.0000001"), "EUR"));
    }

    @Test
    void refusesWhatIsNotAnIsoCurrency() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Money(BigDecimal.ONE, "XYZ"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Money(BigDecimal.ONE, "eur"));
    }

    @Test
    void refusesMoreThanEighteenIntegerDigits() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Money(new BigDecimal("1" + "0".repeat(18)), "EUR"));
        assertThat(new Money(new BigDecimal("9".repeat(18)), "EUR").amountText())
                .isEqualTo("9".repeat(18) + ".000000");
    }
}
