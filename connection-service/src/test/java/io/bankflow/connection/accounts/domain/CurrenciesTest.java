package io.bankflow.connection.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CurrenciesTest {

    @Test
    void knowsIso4217Codes() {
        assertThat(Currencies.parse("NOK").getCurrencyCode()).isEqualTo("NOK");
        assertThat(Currencies.parse("EUR").getDefaultFractionDigits()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"XYZ", "nok", "NO", "EURO", ""})
    void refusesAnythingElse(String code) {
        assertThatThrownBy(() -> Currencies.parse(code))
                .isInstanceOf(InvalidAccountDetail.class)
                .satisfies(e -> assertThat(((InvalidAccountDetail) e).field()).isEqualTo("currency"));
    }
}
