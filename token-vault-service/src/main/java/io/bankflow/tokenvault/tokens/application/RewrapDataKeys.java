package io.bankflow.tokenvault.tokens.application;

import io.bankflow.tokenvault.tokens.RewrapProperties;
import io.bankflow.tokenvault.tokens.application.port.out.KeyEncryptionKey;
import io.bankflow.tokenvault.tokens.application.port.out.KeyEncryptionKey.Rewrap;
import io.bankflow.tokenvault.tokens.application.port.out.KeyEncryptionKey.Rewrapped;
import io.bankflow.tokenvault.tokens.application.port.out.WrappedDataKeys;
import io.bankflow.tokenvault.tokens.application.port.out.WrappedDataKeys.Replacement;
import io.bankflow.tokenvault.tokens.application.port.out.WrappedDataKeys.StoredDataKey;
import io.bankflow.tokenvault.tokens.domain.SealedField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Moves stored data keys to the key-encryption key's current version after a rotation (ADR 0010): page by page, each
 * page's wrapped keys rewrapped in one KEK call and written back in one short transaction. Only the wrapped data keys
 * change; the token ciphertexts, the data keys themselves and the customer's consent stay as they are.
 *
 * <p>No downtime: nothing is locked while the KEK works, reads keep opening records on either version (the KEK still
 * has the old one), and a record that changed meanwhile (a refresh stored a new data key) keeps its change: the
 * write-back replaces a data key only if it is still the one that was read. When every record is on the current
 * version ({@link #keyVersions()}), the old version may be retired (Vault: {@code min_decryption_version}; the local
 * keyset: disable the old key).
 */
@Service
public class RewrapDataKeys {

    private static final Logger log = LoggerFactory.getLogger(RewrapDataKeys.class);

    private final KeyEncryptionKey kek;
    private final WrappedDataKeys dataKeys;
    private final RewrapProperties properties;

    RewrapDataKeys(KeyEncryptionKey kek, WrappedDataKeys dataKeys, RewrapProperties properties) {
        this.kek = kek;
        this.dataKeys = dataKeys;
        this.properties = properties;
    }

    /**
     * What a round did.
     *
     * @param keyVersion the key version the data keys were moved to
     * @param rewrapped data keys now on that version
     * @param failed data keys the KEK could not rewrap (e.g. their version was retired); left as they are
     * @param changedMeanwhile data keys another writer replaced while they were being rewrapped; left to that writer
     */
    public record Round(String keyVersion, int rewrapped, int failed, int changedMeanwhile) {}

    /**
     * One round through every data key not on the current key version.
     *
     * @return what was done
     */
    public Round rewrapAll() {
        return rewrap(Integer.MAX_VALUE);
    }

    /**
     * A round that stops after about {@code maxRecords} data keys (whole pages of {@code batch-size}).
     *
     * @param maxRecords how many data keys to look at, at most (rounded up to a whole page)
     * @return what was done
     */
    public Round rewrap(int maxRecords) {
        String current = kek.currentKeyVersion();
        int rewrapped = 0;
        int failed = 0;
        int changedMeanwhile = 0;
        int seen = 0;
        @Nullable UUID after = null;
        while (seen < maxRecords) {
            List<StoredDataKey> page = dataKeys.notOnVersion(kek.id(), current, after, properties.batchSize());
            if (page.isEmpty()) {
                break;
            }
            seen += page.size();
            after = page.getLast().recordId();
            List<Rewrapped> results = kek.rewrap(page.stream()
                    .map(stored -> new Rewrap(stored.wrapped(), stored.binding().associatedData(SealedField.DATA_KEY)))
                    .toList());
            List<Replacement> replacements = new ArrayList<>(page.size());
            for (int i = 0; i < page.size(); i++) {
                StoredDataKey stored = page.get(i);
                Rewrapped result = results.get(i);
                if (result.wrapped() != null) {
                    replacements.add(new Replacement(stored.recordId(), stored.wrapped(), result.wrapped()));
                } else {
                    failed++;
                    // The KEK's reason (e.g. Vault's "ciphertext or signature version is disallowed by policy") never
                    // holds key material.
                    log.warn(
                            "The data key of connection {} (key {} of {}) does not rewrap: {}",
                            stored.binding().connectionId(),
                            stored.wrapped().kekKeyVersion(),
                            stored.wrapped().kekId(),
                            result.failure());
                }
            }
            int replaced = replacements.isEmpty() ? 0 : dataKeys.replace(replacements);
            rewrapped += replaced;
            changedMeanwhile += replacements.size() - replaced;
            if (page.size() < properties.batchSize()) {
                break;
            }
        }
        if (rewrapped + failed + changedMeanwhile > 0) {
            log.info(
                    "Data key rewrap round ({} key {}): {} rewrapped, {} failed, {} changed meanwhile",
                    kek.id(),
                    current,
                    rewrapped,
                    failed,
                    changedMeanwhile);
        }
        return new Round(current, rewrapped, failed, changedMeanwhile);
    }

    /**
     * How many records have a data key on each version of the configured KEK: when only the current version is left,
     * the older ones can be retired.
     *
     * @return record counts by key version
     */
    public Map<String, Long> keyVersions() {
        return dataKeys.countByKeyVersion(kek.id());
    }
}
