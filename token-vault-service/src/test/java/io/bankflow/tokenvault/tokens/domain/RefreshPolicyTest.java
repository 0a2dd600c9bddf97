package io.bankflow.tokenvault.tokens.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RefreshPolicyTest {

    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    static final SealedTokens SEALED =
            new SealedTokens(new WrappedDataKey(new byte[] {1}, "local-keyset", "42"), new byte[] {2}, new byte[] {3});

    final RefreshPolicy policy = new RefreshPolicy(Duration.ofSeconds(90), Duration.ofSeconds(30));

    static TokenRecord expiringAt(Instant accessTokenExpiresAt, UUID connectionId) {
        return TokenRecord.create(
                UUID.randomUUID(),
                new TokenBinding("acme-industries", connectionId),
                "sandbox-bank",
                SEALED,
                new TokenLifetimes(accessTokenExpiresAt, null, null),
                NOW.minusSeconds(3600));
    }

    @Test
    void refreshesWithinAheadPlusTheConnectionsJitterBeforeExpiry() {
        UUID connection = UUID.randomUUID();
        Duration jitter = policy.jitterOf(connection);
        TokenRecord record = expiringAt(NOW.plusSeconds(600), connection);

        Instant refreshAt = policy.refreshAt(record);

        assertThat(refreshAt).isEqualTo(NOW.plusSeconds(600 - 90).minus(jitter));
        assertThat(policy.due(record, refreshAt.minusMillis(1))).isFalse();
        assertThat(policy.due(record, refreshAt)).isTrue();
        assertThat(policy.due(record, NOW.plusSeconds(700))).isTrue();
    }

    @Test
    void keepsTheJitterOfAConnectionFixedAndWithinBounds() {
        UUID connection = UUID.randomUUID();

        assertThat(policy.jitterOf(connection)).isEqualTo(policy.jitterOf(connection));
        Set<Duration> spread = new HashSet<>();
        IntStream.range(0, 200)
                .mapToObj(i -> policy.jitterOf(UUID.randomUUID()))
                .forEach(jitter -> {
                    assertThat(jitter)
                            .isBetween(Duration.ZERO, Duration.ofSeconds(30).minusMillis(1));
                    spread.add(jitter);
                });
        assertThat(spread)
                .as("connections are spread, not refreshed in one burst")
                .hasSizeGreaterThan(100);
    }

    @Test
    void neverRefreshesAnExpiredOrShreddedRecord() {
        TokenRecord record = expiringAt(NOW.minusSeconds(1), UUID.randomUUID());

        assertThat(policy.due(record.expire(NOW), NOW)).isFalse();
        assertThat(policy.due(record.shred(NOW), NOW)).isFalse();
    }

    @Test
    void worksWithoutJitter() {
        RefreshPolicy noJitter = new RefreshPolicy(Duration.ofSeconds(60), Duration.ZERO);
        TokenRecord record = expiringAt(NOW.plusSeconds(60), UUID.randomUUID());

        assertThat(noJitter.maximumLead()).isEqualTo(Duration.ofSeconds(60));
        assertThat(noJitter.due(record, NOW)).isTrue();
        assertThat(noJitter.due(record, NOW.minusMillis(1))).isFalse();
    }
}
