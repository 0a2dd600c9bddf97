package io.bankflow.connection.connections.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PkceTest {

    @Test
    void computesTheS256ChallengeOfRfc7636AppendixB() {
        Pkce pkce = new Pkce("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

        assertThat(pkce.s256Challenge()).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void generatesVerifiersOf256RandomBitsThatAreNeverPrinted() {
        Pkce one = Pkce.generate(new SecureRandom());
        Pkce other = Pkce.generate(new SecureRandom());

        assertThat(one.verifier()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(other.verifier());
        assertThat(one.toString()).doesNotContain(one.verifier());
    }

    @Test
    void refusesVerifiersRfc7636DoesNotAllow() {
        assertThatThrownBy(() -> new Pkce("too-short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pkce("x".repeat(42) + "!")).isInstanceOf(IllegalArgumentException.class);
    }
}
