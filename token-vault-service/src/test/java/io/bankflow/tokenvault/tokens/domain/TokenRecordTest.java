package io.bankflow.tokenvault.tokens.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenRecordTest {

    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    static final SealedTokens SEALED =
            new SealedTokens(new WrappedDataKey(new byte[] {1}, "local-keyset", "42"), new byte[] {2}, new byte[] {3});

    final TokenBinding binding = new TokenBinding("acme-industries", UUID.randomUUID());

    TokenRecord expiringAt(Instant accessTokenExpiresAt) {
        return TokenRecord.create(
                UUID.randomUUID(),
                binding,
                "sandbox-bank",
                SEALED,
                new TokenLifetimes(accessTokenExpiresAt, null, "accounts"),
                NOW);
    }

    @Test
    void handsOutAnAccessTokenOnlyWhileItOutlivesTheMinimumValidity() {
        Duration margin = Duration.ofSeconds(30);

        assertThat(expiringAt(NOW.plusSeconds(31)).accessTokenValidFor(NOW, margin))
                .isTrue();
        assertThat(expiringAt(NOW.plusSeconds(30)).accessTokenValidFor(NOW, margin))
                .isFalse();
        assertThat(expiringAt(NOW.minusSeconds(1)).accessTokenValidFor(NOW, margin))
                .isFalse();
    }

    @Test
    void dropsTheDataKeyAndCiphertextsWhenShredded() {
        TokenRecord shredded = expiringAt(NOW.plusSeconds(3600)).shred(NOW.plusSeconds(5));

        assertThat(shredded.isShredded()).isTrue();
        assertThat(shredded.sealed()).isNull();
        assertThat(shredded.status()).isEqualTo(TokenStatus.REVOKED);
        assertThat(shredded.shreddedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(shredded.accessTokenValidFor(NOW, Duration.ZERO)).isFalse();
        assertThatThrownBy(shredded::requireSealed).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void becomesActiveAgainWithNewTokensKeepingItsIdentity() {
        TokenRecord original = expiringAt(NOW.plusSeconds(60)).shred(NOW);

        TokenRecord replaced = original.replace(
                "sandbox-bank", SEALED, new TokenLifetimes(NOW.plusSeconds(600), null, null), NOW.plusSeconds(1));

        assertThat(replaced.status()).isEqualTo(TokenStatus.ACTIVE);
        assertThat(replaced.id()).isEqualTo(original.id());
        assertThat(replaced.createdAt()).isEqualTo(original.createdAt());
        assertThat(replaced.shreddedAt()).isNull();
    }

    @Test
    void bindsEachFieldToOrganisationConnectionAndFieldName() {
        assertThat(new String(binding.associatedData(SealedField.REFRESH_TOKEN), StandardCharsets.UTF_8))
                .isEqualTo("acme-industries|" + binding.connectionId() + "|refresh_token");
    }

    @Test
    void neverPrintsAToken() {
        assertThat(TokenValue.of("planted-secret-1").toString()).doesNotContain("planted");
        assertThat(new TokenSecrets(TokenValue.of("planted-secret-1"), null).toString())
                .doesNotContain("planted");
    }

    @Test
    void expiresKeepingItsSealedMaterialButHandsNothingOutAnyMore() {
        TokenRecord expired = expiringAt(NOW.plusSeconds(600)).expire(NOW);

        assertThat(expired.status()).isEqualTo(TokenStatus.EXPIRED);
        assertThat(expired.sealed()).isEqualTo(SEALED);
        assertThat(expired.accessTokenValidFor(NOW, Duration.ZERO)).isFalse();
        assertThat(expired.canRefresh(NOW)).isFalse();
        assertThatThrownBy(() -> expired.expire(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void canRefreshOnlyWithARefreshTokenThatHasNotExpired() {
        SealedTokens withoutRefresh =
                new SealedTokens(new WrappedDataKey(new byte[] {1}, "local-keyset", "42"), new byte[] {2}, null);
        TokenRecord noRefreshToken = TokenRecord.create(
                UUID.randomUUID(), binding, "sandbox-bank", withoutRefresh, new TokenLifetimes(NOW, null, null), NOW);
        TokenRecord refreshTokenExpired = TokenRecord.create(
                UUID.randomUUID(),
                binding,
                "sandbox-bank",
                SEALED,
                new TokenLifetimes(NOW, NOW.minusSeconds(1), null),
                NOW);

        assertThat(expiringAt(NOW.minusSeconds(60)).canRefresh(NOW)).isTrue();
        assertThat(noRefreshToken.canRefresh(NOW)).isFalse();
        assertThat(refreshTokenExpired.canRefresh(NOW)).isFalse();
    }
}
