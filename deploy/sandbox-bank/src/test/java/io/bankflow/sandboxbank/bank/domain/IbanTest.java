package io.bankflow.sandboxbank.bank.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IbanTest {

    @Test
    void acceptsPublishedExampleIbans() {
        assertThat(Iban.isValid("NO93 8601 1117 947")).isTrue(); // the ECBS/SWIFT registry example
        assertThat(Iban.isValid("DE89370400440532013000")).isTrue();
        assertThat(Iban.isValid("GB29NWBK60161331926819")).isTrue();
        assertThat(Iban.isValid("NL76RABO0359400371")).isTrue(); // from the Berlin Group examples
    }

    @Test
    void rejectsAWrongCheckDigitOrForm() {
        assertThat(Iban.isValid("NO94 8601 1117 947")).isFalse();
        assertThat(Iban.isValid("DE89370400440532013001")).isFalse();
        assertThat(Iban.isValid("not an iban")).isFalse();
    }

    @Test
    void computesTheIsoCheckDigits() {
        assertThat(Iban.of("NO", "86011117947")).isEqualTo("NO9386011117947");
        assertThat(Iban.of("GB", "NWBK60161331926819")).isEqualTo("GB29NWBK60161331926819");
    }

    @Test
    void computesAndChecksTheNorwegianMod11CheckDigit() {
        assertThat(Iban.norwegianBban("8601111794")).isEqualTo("86011117947");
        assertThat(Iban.isValidNorwegianBban("86011117947")).isTrue();
        assertThat(Iban.isValidNorwegianBban("86011117948")).isFalse();
    }

    @Test
    void refusesNorwegianNumbersThatHaveNoCheckDigit() {
        // A weighted sum with remainder 1 would need check digit 10: Norway never issues those numbers.
        String noCheckDigit = findTenDigitsWithRemainderOne();
        assertThatThrownBy(() -> Iban.norwegianBban(noCheckDigit)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String findTenDigitsWithRemainderOne() {
        int[] weights = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        for (int n = 0; ; n++) {
            String digits = String.format("%010d", n);
            int sum = 0;
            for (int i = 0; i < 10; i++) {
                sum += (digits.charAt(i) - '0') * weights[i];
            }
            if (sum % 11 == 1) {
                return digits;
            }
        }
    }
}
