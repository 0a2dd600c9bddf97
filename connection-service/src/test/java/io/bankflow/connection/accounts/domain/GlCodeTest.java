package io.bankflow.connection.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GlCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"1920", "1920-01", "BANK.NOK", "10/200", "A"})
    void acceptsLedgerCodesOfCommonCharts(String code) {
        assertThat(new GlCode(code).value()).isEqualTo(code);
    }

    @Test
    void trimsSurroundingSpaces() {
        assertThat(new GlCode("  1920 ").value()).isEqualTo("1920");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "19 20", "1920-", "--", "1920;DROP", "123456789012345678901234567890123"})
    void refusesWhatNoLedgerUsesAsACode(String code) {
        assertThatThrownBy(() -> new GlCode(code))
                .isInstanceOf(InvalidAccountDetail.class)
                .satisfies(e -> assertThat(((InvalidAccountDetail) e).field()).isEqualTo("glCode"));
    }
}
