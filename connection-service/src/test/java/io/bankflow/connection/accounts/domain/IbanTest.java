package io.bankflow.connection.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IbanTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "NO9386011117947",
                "DE89370400440532013000",
                "GB82WEST12345698765432",
                "NL91ABNA0417164300",
                "FR1420041010050500013M02606",
                "BE68539007547034"
            })
    void acceptsPublishedExampleIbans(String iban) {
        assertThat(Iban.parse(iban).value()).isEqualTo(iban);
    }

    @Test
    void storesTheElectronicFormWhateverSpacesAndCaseItWasWrittenIn() {
        assertThat(Iban.parse(" no93 8601 1117 947 ").value()).isEqualTo("NO9386011117947");
    }

    @Test
    void masksAllButCountryCheckDigitsAndLastFour() {
        assertThat(Iban.parse("NO9386011117947").masked()).isEqualTo("NO93 **** **** 7947");
        assertThat(Iban.parse("DE89370400440532013000").masked()).isEqualTo("DE89 **** **** **** **** 3000");
    }

    @Test
    void masksEveryIbanInAText() {
        String text = "access.transactions: the account NO9386011117947 is unknown; also DE89 3704 0044 0532 0130 00.";

        String masked = Iban.maskAllIn(text);

        assertThat(masked)
                .isEqualTo("access.transactions: the account NO93 **** **** 7947 is unknown; also"
                        + " DE89 **** **** **** **** 3000.")
                .doesNotContain("86011117")
                .doesNotContain("0532");
    }

    @Test
    void masksIbansWithWrongCheckDigitsToo() {
        assertThat(Iban.maskAllIn("account NO0086011117947 (X-Request-ID 1f2e)"))
                .isEqualTo("account NO00 **** **** 7947 (X-Request-ID 1f2e)");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "FORMAT_ERROR",
                "CONSENT_UNKNOWN (X-Request-ID 3f1c2a4e-8d6b-4b7e-9c1d-2f3a4b5c6d7e)",
                "access_denied",
                "HTTP_400",
                ""
            })
    void leavesTextsWithoutAnIbanAlone(String text) {
        assertThat(Iban.maskAllIn(text)).isEqualTo(text);
    }

    @Test
    void neverShowsTheFullNumberInItsStringForm() {
        assertThat(Iban.parse("NO9386011117947").toString()).doesNotContain("86011117");
    }

    @Test
    void groupsTheElectronicFormInFours() {
        assertThat(Iban.parse("NO9386011117947").grouped()).isEqualTo("NO93 8601 1117 947");
    }

    @Test
    void refusesAWrongCheckDigit() {
        assertThatThrownBy(() -> Iban.parse("NO9486011117947"))
                .isInstanceOf(InvalidAccountDetail.class)
                .hasMessageContaining("check digits")
                .satisfies(e -> assertThat(((InvalidAccountDetail) e).field()).isEqualTo("iban"));
    }

    @Test
    void refusesTheWrongLengthForTheCountry() {
        assertThatThrownBy(() -> Iban.parse("NO93860111179470"))
                .isInstanceOf(InvalidAccountDetail.class)
                .hasMessageContaining("15 characters");
    }

    @Test
    void refusesACountryWithoutIbans() {
        assertThatThrownBy(() -> Iban.parse("US12345678901234"))
                .isInstanceOf(InvalidAccountDetail.class)
                .hasMessageContaining("country");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "NO", "1234567890", "NO93-8601-1117-947", "NO93860111179Ø7"})
    void refusesTextThatIsNotShapedLikeAnIban(String text) {
        assertThat(Iban.isValid(text)).isFalse();
    }

    @Test
    void computesTheCheckDigitsOfABban() {
        assertThat(Iban.of("NO", "86011117947").value()).isEqualTo("NO9386011117947");
        assertThat(Iban.of("GB", "WEST12345698765432").value()).isEqualTo("GB82WEST12345698765432");
    }
}
