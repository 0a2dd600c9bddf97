package io.bankflow.tokenvault.tokens.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bankflow.tokenvault.tokens.application.RewrapDataKeys;
import io.bankflow.tokenvault.tokens.application.RewrapDataKeys.Round;
import io.bankflow.tokenvault.tokens.application.port.out.KeyEncryptionKey;
import io.bankflow.tokenvault.tokens.application.port.out.TokenRecords;
import io.bankflow.tokenvault.tokens.application.port.out.TokenSealer;
import io.bankflow.tokenvault.tokens.application.port.out.WrappedDataKeys;
import io.bankflow.tokenvault.tokens.application.port.out.WrappedDataKeys.Replacement;
import io.bankflow.tokenvault.tokens.application.port.out.WrappedDataKeys.StoredDataKey;
import io.bankflow.tokenvault.tokens.domain.SealedField;
import io.bankflow.tokenvault.tokens.domain.SealedTokens;
import io.bankflow.tokenvault.tokens.domain.TokenBinding;
import io.bankflow.tokenvault.tokens.domain.TokenLifetimes;
import io.bankflow.tokenvault.tokens.domain.TokenRecord;
import io.bankflow.tokenvault.tokens.domain.TokenSecrets;
import io.bankflow.tokenvault.tokens.domain.TokenValue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Key rotation and rewrap through the running service, the same for every KEK (ADR 0010): records written under the old
 * key version stay readable after the rotation, are moved to the new version in batches while reads go on, keep their
 * tokens (no re-consent), and once the old version is retired only the rewrapped ones open. Real PostgreSQL.
 *
 * <p>Subclasses say how their KEK is rotated and how its old versions are retired; their contexts use {@code
 * bankflow.token-vault.rewrap.batch-size=2}.
 */
abstract class DataKeyRotationContract {

    static final int BATCH_SIZE = 2;

    @Autowired
    TokenSealer sealer;

    @Autowired
    TokenRecords records;

    @Autowired
    WrappedDataKeys dataKeys;

    @Autowired
    RewrapDataKeys rewrapDataKeys;

    @Autowired
    KeyEncryptionKey kek;

    @Autowired
    JdbcClient jdbc;

    /** Every test's own organisation, so tests sharing the context's database only look at their own records. */
    String org;

    /** Rotates the KEK the way its operators do: a new key version that new wraps use. */
    abstract void rotate() throws Exception;

    /** Retires every version but the newest (Vault: min_decryption_version; local: disable the old keys). */
    abstract void retireOldVersions() throws Exception;

    /** Undoes {@link #retireOldVersions()}. */
    abstract void restoreOldVersions() throws Exception;

    @BeforeEach
    void everyStoredDataKeyStartsOnTheCurrentVersion() {
        org = "org-" + UUID.randomUUID();
        rewrapDataKeys.rewrapAll();
    }

    record Stored(TokenBinding binding, String access, String refresh) {}

    Stored store() {
        TokenBinding binding = new TokenBinding(org, UUID.randomUUID());
        String access = "access-" + UUID.randomUUID();
        String refresh = "refresh-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        records.save(TokenRecord.create(
                UUID.randomUUID(),
                binding,
                "sandbox-bank",
                sealer.seal(binding, new TokenSecrets(TokenValue.of(access), TokenValue.of(refresh))),
                new TokenLifetimes(now.plusSeconds(3600), now.plusSeconds(86_400), "accounts"),
                now));
        return new Stored(binding, access, refresh);
    }

    List<Stored> store(int count) {
        List<Stored> stored = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stored.add(store());
        }
        return stored;
    }

    SealedTokens sealed(Stored stored) {
        return records.find(org, stored.binding().connectionId()).orElseThrow().requireSealed();
    }

    String keyVersion(Stored stored) {
        return sealed(stored).dataKey().kekKeyVersion();
    }

    /** Opens both tokens and checks they are the ones stored. */
    void assertOpens(Stored stored) {
        SealedTokens sealed = sealed(stored);
        assertThat(sealer.open(sealed, stored.binding(), SealedField.ACCESS_TOKEN)
                        .reveal())
                .isEqualTo(stored.access());
        assertThat(sealer.open(sealed, stored.binding(), SealedField.REFRESH_TOKEN)
                        .reveal())
                .isEqualTo(stored.refresh());
    }

    @Test
    void readsRecordsWrittenBeforeTheRotationAndRewrapsThemWithoutTouchingTheTokens() throws Exception {
        String before = kek.currentKeyVersion();
        List<Stored> old = store(5);
        List<SealedTokens> sealedBefore = old.stream().map(this::sealed).toList();

        rotate();
        String after = kek.currentKeyVersion();
        Stored fresh = store();

        assertThat(after).isNotEqualTo(before);
        assertThat(old).allSatisfy(stored -> assertThat(keyVersion(stored)).isEqualTo(before));
        assertThat(keyVersion(fresh)).isEqualTo(after);
        old.forEach(this::assertOpens);

        Round round = rewrapDataKeys.rewrapAll();

        assertThat(round.keyVersion()).isEqualTo(after);
        assertThat(round.rewrapped()).isGreaterThanOrEqualTo(5);
        assertThat(round.failed()).isZero();
        assertThat(rewrapDataKeys.keyVersions()).containsOnlyKeys(after);
        for (int i = 0; i < old.size(); i++) {
            SealedTokens now = sealed(old.get(i));
            assertThat(now.dataKey().kekKeyVersion()).isEqualTo(after);
            assertThat(now.dataKey().ciphertext())
                    .isNotEqualTo(sealedBefore.get(i).dataKey().ciphertext());
            // The tokens' ciphertexts are as they were: only the data key's wrapping changed, nobody consents again.
            assertThat(now.accessToken()).isEqualTo(sealedBefore.get(i).accessToken());
            assertThat(now.refreshToken()).isEqualTo(sealedBefore.get(i).refreshToken());
            assertOpens(old.get(i));
        }
        assertOpens(fresh);
    }

    @Test
    void opensOnlyRewrappedRecordsOnceTheOldVersionIsRetired() throws Exception {
        List<Stored> old = store(4);
        rotate();
        String after = kek.currentKeyVersion();

        Round firstBatch = rewrapDataKeys.rewrap(BATCH_SIZE);
        List<Stored> rewrapped =
                old.stream().filter(stored -> keyVersion(stored).equals(after)).toList();
        List<Stored> leftBehind =
                old.stream().filter(stored -> !keyVersion(stored).equals(after)).toList();

        assertThat(firstBatch.rewrapped()).isEqualTo(BATCH_SIZE);
        assertThat(rewrapped).hasSize(BATCH_SIZE);
        assertThat(leftBehind).hasSize(old.size() - BATCH_SIZE);
        // Mid-rewrap, both versions open.
        old.forEach(this::assertOpens);

        retireOldVersions();
        try {
            rewrapped.forEach(this::assertOpens);
            for (Stored stored : leftBehind) {
                assertThatThrownBy(() -> sealer.open(sealed(stored), stored.binding(), SealedField.ACCESS_TOKEN))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("does not unwrap")
                        .hasMessageNotContaining(stored.access());
            }
            // A retired version does not rewrap either: the round reports them and leaves them as they are.
            Round refused = rewrapDataKeys.rewrapAll();
            assertThat(refused.failed()).isGreaterThanOrEqualTo(leftBehind.size());
            assertThat(leftBehind)
                    .allSatisfy(stored -> assertThat(keyVersion(stored)).isNotEqualTo(after));
        } finally {
            restoreOldVersions();
        }

        Round rest = rewrapDataKeys.rewrapAll();

        assertThat(rest.rewrapped()).isGreaterThanOrEqualTo(leftBehind.size());
        old.forEach(this::assertOpens);
        assertThat(old).allSatisfy(stored -> assertThat(keyVersion(stored)).isEqualTo(after));
    }

    @Test
    void keepsReadsWorkingWhileTheRewrapRuns() throws Exception {
        List<Stored> old = store(40);
        rotate();
        AtomicBoolean rewrapping = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            while (rewrapping.get() || reads.get() < 50) {
                Stored stored = old.get(ThreadLocalRandom.current().nextInt(old.size()));
                try {
                    assertOpens(stored);
                    reads.incrementAndGet();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    return;
                }
            }
        });

        Round round;
        try {
            round = rewrapDataKeys.rewrapAll();
        } finally {
            rewrapping.set(false);
        }
        reader.join();

        assertThat(failure.get()).isNull();
        assertThat(reads.get()).isGreaterThanOrEqualTo(50);
        assertThat(round.rewrapped()).isGreaterThanOrEqualTo(old.size());
        assertThat(round.failed()).isZero();
    }

    @Test
    void leavesADataKeyAloneThatChangedWhileItWasBeingRewrapped() throws Exception {
        Stored stored = store();
        rotate();
        StoredDataKey read = dataKeys.notOnVersion(kek.id(), kek.currentKeyVersion(), null, 1_000).stream()
                .filter(candidate -> candidate.binding().equals(stored.binding()))
                .findFirst()
                .orElseThrow();
        var rewrapped = kek.rewrap(List.of(new KeyEncryptionKey.Rewrap(
                        read.wrapped(), stored.binding().associatedData(SealedField.DATA_KEY))))
                .getFirst()
                .wrapped();

        // Meanwhile a refresh stored new tokens under a new data key.
        TokenRecord record = records.find(org, stored.binding().connectionId()).orElseThrow();
        String newAccess = "access-" + UUID.randomUUID();
        records.save(record.replace(
                record.provider(),
                sealer.seal(
                        stored.binding(), new TokenSecrets(TokenValue.of(newAccess), TokenValue.of(stored.refresh()))),
                record.lifetimes(),
                Instant.now()));
        int replaced = dataKeys.replace(List.of(new Replacement(read.recordId(), read.wrapped(), rewrapped)));

        assertThat(replaced).isZero();
        assertOpens(new Stored(stored.binding(), newAccess, stored.refresh()));
    }
}
