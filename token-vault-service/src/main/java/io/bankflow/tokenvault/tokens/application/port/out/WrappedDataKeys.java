package io.bankflow.tokenvault.tokens.application.port.out;

import io.bankflow.tokenvault.tokens.domain.TokenBinding;
import io.bankflow.tokenvault.tokens.domain.WrappedDataKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The stored records' wrapped data keys, for rotation: found by key version and replaced one by one, without touching
 * the token ciphertexts or anything else of the record, and without locking it for longer than its own update.
 */
public interface WrappedDataKeys {

    /**
     * Records that still have secret material wrapped by a KEK, under another key version than the given one, in id
     * order (keyset paging: a record that fails is not read again in the same round).
     *
     * @param kekId the KEK
     * @param keyVersion the version they should be on
     * @param after the last record id of the previous page; null for the first page
     * @param limit how many at most
     * @return the records' data keys
     */
    List<StoredDataKey> notOnVersion(String kekId, String keyVersion, @Nullable UUID after, int limit);

    /**
     * Replaces data keys, each only if it is still the one that was read (another writer, e.g. a refresh that stored a
     * new data key, wins); in one transaction.
     *
     * @param replacements the replacements
     * @return how many were replaced
     */
    int replace(List<Replacement> replacements);

    /**
     * @param kekId the KEK
     * @return how many records have a data key wrapped by each of its key versions
     */
    Map<String, Long> countByKeyVersion(String kekId);

    /**
     * A record's wrapped data key as stored.
     *
     * @param recordId the record
     * @param binding whose it is (the associated data of the wrapped key)
     * @param wrapped the wrapped key
     */
    record StoredDataKey(UUID recordId, TokenBinding binding, WrappedDataKey wrapped) {}

    /**
     * One data key to replace.
     *
     * @param recordId the record
     * @param previous the wrapped key that was read
     * @param next the same data key, wrapped by the current key version
     */
    record Replacement(UUID recordId, WrappedDataKey previous, WrappedDataKey next) {}
}
