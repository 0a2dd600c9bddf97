package io.bankflow.tokenvault.tokens.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.tokenvault.tokens.RefreshProperties;
import io.bankflow.tokenvault.tokens.application.port.out.ProviderTokenEndpoint;
import io.bankflow.tokenvault.tokens.application.port.out.TokenEvents;
import io.bankflow.tokenvault.tokens.application.port.out.TokenRecords;
import io.bankflow.tokenvault.tokens.application.port.out.TokenSealer;
import io.bankflow.tokenvault.tokens.domain.AuthorizationCode;
import io.bankflow.tokenvault.tokens.domain.ExpiryReason;
import io.bankflow.tokenvault.tokens.domain.ProviderTokens;
import io.bankflow.tokenvault.tokens.domain.SealedField;
import io.bankflow.tokenvault.tokens.domain.SealedTokens;
import io.bankflow.tokenvault.tokens.domain.TokenAuditEntry;
import io.bankflow.tokenvault.tokens.domain.TokenBinding;
import io.bankflow.tokenvault.tokens.domain.TokenLifetimes;
import io.bankflow.tokenvault.tokens.domain.TokenOperation;
import io.bankflow.tokenvault.tokens.domain.TokenRecord;
import io.bankflow.tokenvault.tokens.domain.TokenSecrets;
import io.bankflow.tokenvault.tokens.domain.TokenStatus;
import io.bankflow.tokenvault.tokens.domain.TokenValue;
import io.bankflow.tokenvault.tokens.domain.WrappedDataKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

/** The refresh rules with the provider's answers played by a function: what becomes of a record, what is published. */
class RefreshTokensTest {

    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    static final String ACME = "acme-industries";

    final Map<UUID, TokenRecord> stored = new HashMap<>();
    final List<TokenAuditEntry> audit = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    Function<TokenValue, ProviderTokens> provider = refresh -> {
        throw new AssertionError("the provider was not expected to be called");
    };

    final RefreshTokens refreshTokens = new RefreshTokens(
            new InMemoryRecords(),
            new PlainSealer(),
            audit::add,
            new RecordedEvents(),
            new PlayedProvider(),
            new RefreshProperties(true, Duration.ofSeconds(30), Duration.ofSeconds(90), Duration.ZERO, 100),
            new NoTransactions(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void storesRotatedTokensAndPublishesTokenRefreshed() {
        UUID connection = given("rt-1", NOW.plusSeconds(30), null);
        provider = refresh ->
                new ProviderTokens(TokenValue.of("at-2"), TokenValue.of("rt-2"), Duration.ofMinutes(5), null, "AIS:c");

        RefreshTokens.RoundResult round = refreshTokens.refreshDue();

        assertThat(round.refreshed()).isEqualTo(1);
        TokenRecord record = stored.get(connection);
        assertThat(open(record, SealedField.ACCESS_TOKEN)).isEqualTo("at-2");
        assertThat(open(record, SealedField.REFRESH_TOKEN)).isEqualTo("rt-2");
        assertThat(record.lifetimes().accessTokenExpiresAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(events).containsExactly("refreshed " + connection + " rotated=true");
        assertThat(audit).extracting(TokenAuditEntry::operation).containsExactly(TokenOperation.TOKENS_REFRESHED);
    }

    @Test
    void keepsTheRefreshTokenWhenTheProviderDoesNotRotate() {
        UUID connection = given("rt-1", NOW.plusSeconds(30), null);
        provider = refresh -> new ProviderTokens(TokenValue.of("at-2"), null, Duration.ofMinutes(5), null, null);

        refreshTokens.refreshDue();

        assertThat(open(stored.get(connection), SealedField.REFRESH_TOKEN)).isEqualTo("rt-1");
        assertThat(events).containsExactly("refreshed " + connection + " rotated=false");
    }

    @Test
    void expiresTheRecordWhenTheProviderSaysInvalidGrant() {
        UUID connection = given("rt-1", NOW.plusSeconds(30), null);
        provider = refresh -> {
            throw new ProviderTokenEndpoint.ProviderRefusedException("bank", "invalid_grant");
        };

        assertThat(refreshTokens.refreshDue().expired()).isEqualTo(1);

        assertThat(stored.get(connection).status()).isEqualTo(TokenStatus.EXPIRED);
        assertThat(events).containsExactly("expired " + connection + " REFRESH_FAILED invalid_grant");
    }

    @Test
    void changesNothingOnTransientFailuresOrOurOwnClientSetup() {
        UUID connection = given("rt-1", NOW.plusSeconds(30), null);
        TokenRecord before = stored.get(connection);

        provider = refresh -> {
            throw new ProviderTokenEndpoint.ProviderUnavailableException("503");
        };
        assertThat(refreshTokens.refreshDue().retryLater()).isEqualTo(1);
        provider = refresh -> {
            throw new ProviderTokenEndpoint.ProviderRefusedException("bank", "invalid_client");
        };
        assertThat(refreshTokens.refreshDue().retryLater()).isEqualTo(1);

        assertThat(stored.get(connection)).isEqualTo(before);
        assertThat(events).isEmpty();
        assertThat(audit).isEmpty();
    }

    @Test
    void expiresWithoutAskingTheProviderWhenTheRefreshTokenHasExpired() {
        UUID connection = given("rt-1", NOW.plusSeconds(30), NOW.minusSeconds(1));

        assertThat(refreshTokens.refreshDue().expired()).isEqualTo(1);

        assertThat(stored.get(connection).status()).isEqualTo(TokenStatus.EXPIRED);
        assertThat(events).containsExactly("expired " + connection + " REFRESH_FAILED null");
    }

    @Test
    void leavesARecordWithoutRefreshTokenAloneUntilItsAccessTokenExpires() {
        UUID valid = given(null, NOW.plusSeconds(30), null);
        UUID gone = given(null, NOW.minusSeconds(1), null);

        RefreshTokens.RoundResult round = refreshTokens.refreshDue();

        assertThat(round.skipped()).isEqualTo(1);
        assertThat(round.expired()).isEqualTo(1);
        assertThat(stored.get(valid).status()).isEqualTo(TokenStatus.ACTIVE);
        assertThat(stored.get(gone).status()).isEqualTo(TokenStatus.EXPIRED);
    }

    @Test
    void leavesRecordsThatAreNotDueYetAlone() {
        UUID connection = given("rt-1", NOW.plusSeconds(3600), null);

        assertThat(refreshTokens.refreshDue()).isEqualTo(new RefreshTokens.RoundResult(0, 0, 0, 0));
        assertThat(stored.get(connection).status()).isEqualTo(TokenStatus.ACTIVE);
    }

    @Test
    void refreshesOnDemandOnlyWhatIsNotValidLongEnough() {
        UUID connection = given("rt-1", NOW.plusSeconds(20), null);
        provider = refresh ->
                new ProviderTokens(TokenValue.of("at-2"), TokenValue.of("rt-2"), Duration.ofMinutes(5), null, null);

        RefreshTokens.OnDemand first =
                refreshTokens.refreshNow(new TokenBinding(ACME, connection), Duration.ofSeconds(30), "sync-service");
        RefreshTokens.OnDemand second =
                refreshTokens.refreshNow(new TokenBinding(ACME, connection), Duration.ofSeconds(30), "sync-service");
        RefreshTokens.OnDemand foreign = refreshTokens.refreshNow(
                new TokenBinding("globex-trading", connection), Duration.ofSeconds(30), "sync-service");

        assertThat(first.outcome()).isEqualTo(RefreshTokens.Outcome.REFRESHED);
        assertThat(second.outcome()).isEqualTo(RefreshTokens.Outcome.SKIPPED);
        assertThat(foreign.record()).isNull();
        assertThat(events).hasSize(1);
    }

    // ---- fixtures --------------------------------------------------------------------------------------------------

    UUID given(@Nullable String refreshToken, Instant accessTokenExpiresAt, @Nullable Instant refreshTokenExpiresAt) {
        UUID connection = UUID.randomUUID();
        TokenBinding binding = new TokenBinding(ACME, connection);
        stored.put(
                connection,
                TokenRecord.create(
                        UUID.randomUUID(),
                        binding,
                        "bank",
                        new PlainSealer()
                                .seal(
                                        binding,
                                        new TokenSecrets(
                                                TokenValue.of("at-1"),
                                                refreshToken == null ? null : TokenValue.of(refreshToken))),
                        new TokenLifetimes(accessTokenExpiresAt, refreshTokenExpiresAt, null),
                        NOW.minusSeconds(600)));
        return connection;
    }

    static String open(TokenRecord record, SealedField field) {
        return new PlainSealer()
                .open(record.requireSealed(), record.binding(), field)
                .reveal();
    }

    final class InMemoryRecords implements TokenRecords {
        @Override
        public Optional<TokenRecord> findByConnection(UUID connectionId) {
            return Optional.ofNullable(stored.get(connectionId));
        }

        @Override
        public Optional<TokenRecord> find(String orgId, UUID connectionId) {
            return findByConnection(connectionId)
                    .filter(r -> r.binding().orgId().equals(orgId));
        }

        @Override
        public void save(TokenRecord record) {
            stored.put(record.binding().connectionId(), record);
        }

        @Override
        public List<UUID> activeExpiringBefore(Instant before, int limit) {
            return stored.values().stream()
                    .filter(r -> r.status() == TokenStatus.ACTIVE
                            && r.lifetimes().accessTokenExpiresAt().isBefore(before))
                    .sorted(Comparator.comparing(r -> r.lifetimes().accessTokenExpiresAt()))
                    .limit(limit)
                    .map(r -> r.binding().connectionId())
                    .toList();
        }

        @Override
        public Optional<TokenRecord> lock(UUID connectionId, boolean skipLocked) {
            return findByConnection(connectionId);
        }
    }

    /** Not encryption: the tokens' bytes as they are, enough to check which token ended up where. */
    static final class PlainSealer implements TokenSealer {
        @Override
        public SealedTokens seal(TokenBinding binding, TokenSecrets secrets) {
            TokenValue refresh = secrets.refreshToken();
            return new SealedTokens(
                    new WrappedDataKey(new byte[] {1}, "plain", "1"),
                    secrets.accessToken().utf8(),
                    refresh == null ? null : refresh.utf8());
        }

        @Override
        public TokenValue open(SealedTokens sealed, TokenBinding binding, SealedField field) {
            byte[] bytes = field == SealedField.ACCESS_TOKEN ? sealed.accessToken() : sealed.refreshToken();
            if (bytes == null) {
                throw new IllegalStateException("no " + field);
            }
            return TokenValue.of(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    final class RecordedEvents implements TokenEvents {
        @Override
        public void revoked(TokenRecord shredded) {
            events.add("revoked " + shredded.binding().connectionId());
        }

        @Override
        public void refreshed(TokenRecord refreshed, boolean rotated) {
            events.add("refreshed " + refreshed.binding().connectionId() + " rotated=" + rotated);
        }

        @Override
        public void expired(TokenRecord expired, ExpiryReason reason, @Nullable String providerErrorCode) {
            events.add("expired " + expired.binding().connectionId() + " " + reason + " " + providerErrorCode);
        }
    }

    final class PlayedProvider implements ProviderTokenEndpoint {
        @Override
        public ProviderTokens exchange(String name, AuthorizationCode code) {
            throw new AssertionError("no code exchange here");
        }

        @Override
        public ProviderTokens refresh(String name, TokenValue refreshToken) {
            return provider.apply(refreshToken);
        }
    }

    static final class NoTransactions implements PlatformTransactionManager {
        @Override
        public TransactionStatus getTransaction(@Nullable TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {}

        @Override
        public void rollback(TransactionStatus status) {}
    }
}
