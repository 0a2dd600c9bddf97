package io.bankflow.sandboxbank.oauth.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PkceTest {

    // RFC 7636 Appendix B.
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void computesTheRfc7636AppendixBChallenge() {
        assertThat(Pkce.challengeOf(VERIFIER)).isEqualTo(CHALLENGE);
        assertThat(Pkce.matches(VERIFIER, CHALLENGE)).isTrue();
        assertThat(Pkce.isWellFormedChallenge(CHALLENGE)).isTrue();
    }

    @Test
    void rejectsAnotherVerifier() {
        assertThat(Pkce.matches(VERIFIER.replace('d', 'e'), CHALLENGE)).isFalse();
    }

    @Test
    void rejectsTheChallengeItselfAsVerifier() {
        // what a client using method "plain" would send
        assertThat(Pkce.matches(CHALLENGE, CHALLENGE)).isFalse();
    }

    @Test
    void rejectsVerifiersShorterThan43Characters() {
        String shortVerifier = "short-verifier";
        assertThat(Pkce.matches(shortVerifier, Pkce.challengeOf(shortVerifier))).isFalse();
    }
}
