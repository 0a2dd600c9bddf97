package io.bankflow.sandboxbank.oauth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuthorizationServerTest {

    private static final String CLIENT = "bankflow-local";
    private static final String REDIRECT = "http://127.0.0.1:18600/oauth/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final Instant NOW = Instant.parse("2026-03-31T10:00:00Z");

    private final AuthorizationServer server =
            new AuthorizationServer(Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofDays(180));

    private String code() {
        return server.issueCode(CLIENT, REDIRECT, "consent-1", Pkce.challengeOf(VERIFIER), NOW);
    }

    @Test
    void exchangesACodeForTokensBoundToTheConsent() {
        Tokens tokens = server.exchangeCode(CLIENT, code(), REDIRECT, VERIFIER, NOW);

        assertThat(tokens.scope()).isEqualTo("AIS:consent-1");
        assertThat(tokens.expiresIn()).isEqualTo(Duration.ofMinutes(5));
        assertThat(server.accessGrant(tokens.accessToken(), NOW)).hasValueSatisfying(grant -> {
            assertThat(grant.consentId()).isEqualTo("consent-1");
            assertThat(grant.expiresAt()).isEqualTo(NOW.plusSeconds(300));
        });
    }

    @Test
    void marksEveryCodeAndTokenWhenToldTo() {
        AuthorizationServer marking =
                new AuthorizationServer(Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofDays(180), "PLANTED");
        String code = marking.issueCode(CLIENT, REDIRECT, "consent-1", Pkce.challengeOf(VERIFIER), NOW);

        Tokens tokens = marking.exchangeCode(CLIENT, code, REDIRECT, VERIFIER, NOW);

        assertThat(code).startsWith("PLANTED-code-");
        assertThat(tokens.accessToken()).startsWith("PLANTED-at-");
        assertThat(tokens.refreshToken()).startsWith("PLANTED-rt-");
        assertThat(marking.accessGrant(tokens.accessToken(), NOW)).isPresent();
    }

    @Test
    void rejectsAWrongVerifier() {
        assertThatThrownBy(() -> server.exchangeCode(CLIENT, code(), REDIRECT, VERIFIER.replace('d', 'x'), NOW))
                .isInstanceOfSatisfying(
                        OAuthException.class, e -> assertThat(e.error()).isEqualTo("invalid_grant"));
    }

    @Test
    void rejectsACodeAfterSixtySeconds() {
        String code = code();
        assertThatThrownBy(() -> server.exchangeCode(CLIENT, code, REDIRECT, VERIFIER, NOW.plusSeconds(60)))
                .isInstanceOfSatisfying(
                        OAuthException.class, e -> assertThat(e.error()).isEqualTo("invalid_grant"));
    }

    @Test
    void rejectsAnotherClientOrRedirectUri() {
        String code = code();
        assertThatThrownBy(() -> server.exchangeCode("other", code, REDIRECT, VERIFIER, NOW))
                .isInstanceOf(OAuthException.class);
        assertThatThrownBy(() -> server.exchangeCode(CLIENT, code, REDIRECT + "x", VERIFIER, NOW))
                .isInstanceOf(OAuthException.class);
    }

    @Test
    void aReplayedCodeIsRejectedAndRevokesTheTokensIssuedFromIt() {
        String code = code();
        Tokens tokens = server.exchangeCode(CLIENT, code, REDIRECT, VERIFIER, NOW);

        assertThatThrownBy(() -> server.exchangeCode(CLIENT, code, REDIRECT, VERIFIER, NOW))
                .isInstanceOfSatisfying(
                        OAuthException.class, e -> assertThat(e.error()).isEqualTo("invalid_grant"));
        assertThat(server.accessGrant(tokens.accessToken(), NOW)).isEmpty();
        assertThatThrownBy(() -> server.refresh(CLIENT, tokens.refreshToken(), consent -> true, NOW))
                .isInstanceOf(OAuthException.class);
    }

    @Test
    void refreshRotatesTheRefreshToken() {
        Tokens first = server.exchangeCode(CLIENT, code(), REDIRECT, VERIFIER, NOW);
        Tokens second = server.refresh(CLIENT, first.refreshToken(), consent -> true, NOW);

        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(server.accessGrant(second.accessToken(), NOW)).isPresent();
        assertThatThrownBy(() -> server.refresh(CLIENT, first.refreshToken(), consent -> true, NOW))
                .isInstanceOfSatisfying(
                        OAuthException.class, e -> assertThat(e.error()).isEqualTo("invalid_grant"));
        // reuse of a rotated refresh token revokes the grant (OAuth 2.0 Security BCP 4.14.2)
        assertThat(server.accessGrant(second.accessToken(), NOW)).isEmpty();
    }

    @Test
    void refreshFailsOnceTheConsentIsNoLongerValid() {
        Tokens tokens = server.exchangeCode(CLIENT, code(), REDIRECT, VERIFIER, NOW);

        assertThatThrownBy(() -> server.refresh(CLIENT, tokens.refreshToken(), consent -> false, NOW))
                .isInstanceOfSatisfying(
                        OAuthException.class, e -> assertThat(e.error()).isEqualTo("invalid_grant"));
    }

    @Test
    void revokingARefreshTokenRevokesItsAccessTokensToo() {
        Tokens tokens = server.exchangeCode(CLIENT, code(), REDIRECT, VERIFIER, NOW);

        server.revoke(CLIENT, tokens.refreshToken());

        assertThat(server.accessGrant(tokens.accessToken(), NOW)).isEmpty();
    }

    @Test
    void anotherClientCannotRevokeATokenItDoesNotOwn() {
        Tokens tokens = server.exchangeCode(CLIENT, code(), REDIRECT, VERIFIER, NOW);

        server.revoke("someone-else", tokens.accessToken());

        assertThat(server.accessGrant(tokens.accessToken(), NOW)).isPresent();
    }
}
