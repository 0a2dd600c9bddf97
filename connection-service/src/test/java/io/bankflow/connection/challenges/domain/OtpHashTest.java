package io.bankflow.connection.challenges.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OtpHashTest {

    @Test
    void matchesOnlyTheCodeItWasMadeFrom() {
        OtpHash hash = OtpHash.of("482913", 1_000);

        assertThat(hash.matches("482913")).isTrue();
        assertThat(hash.matches("482914")).isFalse();
        assertThat(hash.matches("48291")).isFalse();
        assertThat(hash.matches("4829130")).isFalse();
        assertThat(hash.matches("48 2913")).as("wrong shape never matches").isFalse();
    }

    @Test
    void saltsEveryHashSoTheSameCodeNeverLooksTheSame() {
        OtpHash first = OtpHash.of("482913", 1_000);
        OtpHash second = OtpHash.of("482913", 1_000);

        assertThat(first.encoded()).isNotEqualTo(second.encoded());
        assertThat(first.encoded()).startsWith("pbkdf2-sha256$1000$").doesNotContain("482913");
    }

    @Test
    void survivesStorage() {
        OtpHash stored = OtpHash.fromEncoded(OtpHash.of("K7Q2ZP", 1_000).encoded());

        assertThat(stored.matches("K7Q2ZP")).isTrue();
        assertThat(stored.matches("k7q2zp")).as("case matters").isFalse();
    }

    @Test
    void usesTheDefaultIterationsForRealHashes() {
        assertThat(OtpHash.of("482913").encoded()).startsWith("pbkdf2-sha256$" + OtpHash.DEFAULT_ITERATIONS + "$");
    }

    @Test
    void neverShowsTheHashOrTheCode() {
        OtpHash hash = OtpHash.of("482913", 1_000);

        assertThat(hash.toString()).isEqualTo("OtpHash[hidden]");
    }

    @Test
    void refusesACodeOfTheWrongShapeWithoutNamingIt() {
        assertThatThrownBy(() -> OtpHash.of("12-34-56", 1_000))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("12-34-56");
        assertThatThrownBy(() -> OtpHash.of("123", 1_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OtpHash.of("12345678901234567", 1_000)).isInstanceOf(IllegalArgumentException.class);
    }
}
