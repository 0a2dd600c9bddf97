package io.bankflow.tokenvault.tokens.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.tokenvault.tokens.RewrapProperties;
import io.bankflow.tokenvault.tokens.application.RewrapDataKeys.Round;
import io.bankflow.tokenvault.tokens.application.port.out.KeyEncryptionKey;
import io.bankflow.tokenvault.tokens.application.port.out.WrappedDataKeys;
import io.bankflow.tokenvault.tokens.domain.TokenBinding;
import io.bankflow.tokenvault.tokens.domain.WrappedDataKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The rewrap round with an in-memory table and a KEK that only relabels: paging, failures, concurrent changes. */
class RewrapDataKeysTest {

    static final String KEK = "test-kek";

    final TreeMap<UUID, WrappedDataKeys.StoredDataKey> table = new TreeMap<>();
    final Set<UUID> unrewrappable = new HashSet<>();
    final Set<UUID> changedWhileRewrapping = new HashSet<>();
    final List<Integer> kekCalls = new ArrayList<>();
    String currentVersion = "1";

    final RewrapDataKeys rewrap = new RewrapDataKeys(
            new RelabellingKek(), new InMemoryDataKeys(), new RewrapProperties(true, Duration.ofMinutes(1), 3));

    UUID store(String version) {
        UUID id = UUID.randomUUID();
        table.put(
                id,
                new WrappedDataKeys.StoredDataKey(
                        id,
                        new TokenBinding("acme-industries", UUID.randomUUID()),
                        new WrappedDataKey(id.toString().getBytes(StandardCharsets.UTF_8), KEK, version)));
        return id;
    }

    Map<String, Long> versions() {
        return table.values().stream()
                .collect(Collectors.groupingBy(stored -> stored.wrapped().kekKeyVersion(), Collectors.counting()));
    }

    @Test
    void movesEveryDataKeyToTheCurrentVersionPageByPage() {
        for (int i = 0; i < 7; i++) {
            store("1");
        }
        currentVersion = "2";

        Round round = rewrap.rewrapAll();

        assertThat(round).isEqualTo(new Round("2", 7, 0, 0));
        assertThat(versions()).isEqualTo(Map.of("2", 7L));
        assertThat(kekCalls).containsExactly(3, 3, 1);
    }

    @Test
    void leavesDataKeysAlreadyOnTheCurrentVersionAlone() {
        store("2");
        store("1");
        currentVersion = "2";

        Round round = rewrap.rewrapAll();

        assertThat(round.rewrapped()).isEqualTo(1);
        assertThat(kekCalls).containsExactly(1);
    }

    @Test
    void reportsDataKeysTheKekRefusesAndGoesOnWithoutLooping() {
        for (int i = 0; i < 5; i++) {
            store("1");
        }
        UUID refused = store("1");
        unrewrappable.add(refused);
        currentVersion = "2";

        Round round = rewrap.rewrapAll();

        assertThat(round).isEqualTo(new Round("2", 5, 1, 0));
        assertThat(table.get(refused).wrapped().kekKeyVersion()).isEqualTo("1");
        assertThat(rewrap.rewrapAll()).isEqualTo(new Round("2", 0, 1, 0));
    }

    @Test
    void countsDataKeysThatChangedMeanwhileWithoutOverwritingThem() {
        UUID changed = store("1");
        store("1");
        changedWhileRewrapping.add(changed);
        currentVersion = "2";

        Round round = rewrap.rewrapAll();

        assertThat(round).isEqualTo(new Round("2", 1, 0, 1));
        assertThat(new String(table.get(changed).wrapped().ciphertext(), StandardCharsets.UTF_8))
                .isEqualTo("changed by a refresh");
    }

    @Test
    void stopsAfterTheRequestedNumberOfDataKeysInWholePages() {
        for (int i = 0; i < 7; i++) {
            store("1");
        }
        currentVersion = "2";

        Round round = rewrap.rewrap(4);

        assertThat(round.rewrapped()).isEqualTo(6);
        assertThat(versions()).isEqualTo(Map.of("2", 6L, "1", 1L));
    }

    /** Rewraps by relabelling the version; refuses the ids in {@link #unrewrappable}. */
    class RelabellingKek implements KeyEncryptionKey {

        @Override
        public String id() {
            return KEK;
        }

        @Override
        public String currentKeyVersion() {
            return currentVersion;
        }

        @Override
        public WrappedDataKey wrap(byte[] dataKey, byte[] associatedData) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] unwrap(WrappedDataKey wrapped, byte[] associatedData) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Rewrapped> rewrap(List<Rewrap> batch) {
            kekCalls.add(batch.size());
            return batch.stream()
                    .map(item -> unrewrappable.contains(
                                    UUID.fromString(new String(item.wrapped().ciphertext(), StandardCharsets.UTF_8)))
                            ? Rewrapped.failed("version retired")
                            : Rewrapped.to(new WrappedDataKey(item.wrapped().ciphertext(), KEK, currentVersion)))
                    .toList();
        }
    }

    /** The table; a record in {@link #changedWhileRewrapping} gets a new data key between read and write-back. */
    class InMemoryDataKeys implements WrappedDataKeys {

        @Override
        public List<StoredDataKey> notOnVersion(String kekId, String keyVersion, @Nullable UUID after, int limit) {
            List<StoredDataKey> page = (after == null ? table : table.tailMap(after, false))
                    .values().stream()
                            .filter(stored -> stored.wrapped().kekId().equals(kekId))
                            .filter(stored -> !stored.wrapped().kekKeyVersion().equals(keyVersion))
                            .limit(limit)
                            .toList();
            for (StoredDataKey stored : page) {
                if (changedWhileRewrapping.remove(stored.recordId())) {
                    table.put(
                            stored.recordId(),
                            new StoredDataKey(
                                    stored.recordId(),
                                    stored.binding(),
                                    new WrappedDataKey(
                                            "changed by a refresh".getBytes(StandardCharsets.UTF_8), kekId, "2")));
                }
            }
            return page;
        }

        @Override
        public int replace(List<Replacement> replacements) {
            int replaced = 0;
            for (Replacement replacement : replacements) {
                StoredDataKey stored = table.get(replacement.recordId());
                if (stored != null && stored.wrapped().equals(replacement.previous())) {
                    table.put(
                            stored.recordId(),
                            new StoredDataKey(stored.recordId(), stored.binding(), replacement.next()));
                    replaced++;
                }
            }
            return replaced;
        }

        @Override
        public Map<String, Long> countByKeyVersion(String kekId) {
            return new LinkedHashMap<>(versions());
        }
    }
}
