package io.bankflow.connection.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The IBAN check holds for every account number, not only the examples. */
class IbanPropertiesTest {

    private static final String[] COUNTRIES = {"NO", "DE", "GB", "NL", "FR", "SE", "DK", "FI", "ES", "IT", "PL", "CH"};

    @Property
    void acceptsTheIbanOfAnyBbanOfTheRightLength(@ForAll("ibans") String iban) {
        assertThat(Iban.isValid(iban)).isTrue();
        assertThat(Iban.parse(iban).value()).isEqualTo(iban);
    }

    @Property
    void refusesEveryIbanWithOneDigitChanged(
            @ForAll("ibans") String iban, @ForAll("positions") int position, @ForAll("shifts") int shift) {
        // Digits only (after the country code): mod 97 catches every single substitution among them.
        int index = 2 + position % (iban.length() - 2);
        char original = iban.charAt(index);
        if (!Character.isDigit(original)) {
            return;
        }
        char changed = (char) ('0' + (original - '0' + shift) % 10);
        String typo = iban.substring(0, index) + changed + iban.substring(index + 1);

        assertThat(Iban.isValid(typo)).as("%s -> %s", iban, typo).isFalse();
    }

    @Property
    void masksEveryIbanToItsEdgesOnly(@ForAll("ibans") String iban) {
        String masked = Iban.parse(iban).masked();

        assertThat(masked).startsWith(iban.substring(0, 4)).endsWith(iban.substring(iban.length() - 4));
        assertThat(masked.replaceAll("[^A-Z0-9]", "")).hasSize(8);
    }

    @Provide
    Arbitrary<String> ibans() {
        Arbitrary<String> country = Arbitraries.of(COUNTRIES);
        return country.flatMap(code -> Arbitraries.strings()
                .withChars("0123456789")
                .ofLength(Iban.lengthIn(code) - 4)
                .map(bban -> Iban.of(code, bban).value()));
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 40);
    }

    @Provide
    Arbitrary<Integer> shifts() {
        return Arbitraries.integers().between(1, 9);
    }
}
