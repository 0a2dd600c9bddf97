package io.bankflow.tokenvault.tokens.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProviderTokensTest {

    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    static final TokenLifetimes PREVIOUS =
            new TokenLifetimes(NOW.minusSeconds(10), NOW.plus(Duration.ofDays(30)), "AIS:consent-1");

    @Test
    void countsTheAccessTokensLifetimeFromTheAnswer() {
        ProviderTokens tokens =
                new ProviderTokens(TokenValue.of("a"), TokenValue.of("r"), Duration.ofMinutes(5), null, "AIS:c");

        TokenLifetimes lifetimes = tokens.lifetimes(NOW, null);

        assertThat(lifetimes.accessTokenExpiresAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(lifetimes.refreshTokenExpiresAt()).isNull();
        assertThat(lifetimes.scope()).isEqualTo("AIS:c");
    }

    @Test
    void keepsWhatWasKnownOfTheRefreshTokenWhenTheProviderDidNotRotateIt() {
        ProviderTokens tokens = new ProviderTokens(TokenValue.of("a"), null, Duration.ofMinutes(5), null, null);

        TokenLifetimes lifetimes = tokens.lifetimes(NOW, PREVIOUS);

        assertThat(lifetimes.refreshTokenExpiresAt()).isEqualTo(PREVIOUS.refreshTokenExpiresAt());
        assertThat(lifetimes.scope()).isEqualTo("AIS:consent-1");
    }

    @Test
    void forgetsTheOldRefreshTokensExpiryOnRotationUnlessTheProviderSaysANewOne() {
        ProviderTokens rotated =
                new ProviderTokens(TokenValue.of("a"), TokenValue.of("r2"), Duration.ofMinutes(5), null, null);
        ProviderTokens rotatedWithExpiry = new ProviderTokens(
                TokenValue.of("a"), TokenValue.of("r2"), Duration.ofMinutes(5), Duration.ofDays(90), null);

        assertThat(rotated.lifetimes(NOW, PREVIOUS).refreshTokenExpiresAt()).isNull();
        assertThat(rotatedWithExpiry.lifetimes(NOW, PREVIOUS).refreshTokenExpiresAt())
                .isEqualTo(NOW.plus(Duration.ofDays(90)));
    }

    @Test
    void neverPrintsItsTokens() {
        ProviderTokens tokens = new ProviderTokens(
                TokenValue.of("secret-access"), TokenValue.of("secret-refresh"), Duration.ofMinutes(5), null, null);
        AuthorizationCode code = new AuthorizationCode("secret-code", "secret-verifier", "http://127.0.0.1/cb");

        assertThat(tokens.toString()).doesNotContain("secret");
        assertThat(code.toString()).doesNotContain("secret");
    }
}
