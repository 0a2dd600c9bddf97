package io.bankflow.tokenvault.tokens.adapter.out.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import io.bankflow.tokenvault.tokens.application.port.out.KeyEncryptionKey;
import io.bankflow.tokenvault.tokens.domain.WrappedDataKey;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@link KeyEncryptionKey} with a local Tink AEAD keyset (the embedded default). Rotation: add a new key to the keyset
 * and make it primary; data keys wrapped before still unwrap (Tink finds the key by the id prefixed to the
 * ciphertext), new ones carry the new key id in {@link WrappedDataKey#kekKeyVersion()}, and {@link #rewrap} moves old
 * ones over. Retiring the old key: disable it in the keyset (or remove it) once no record uses it.
 *
 * <p>The keyset comes from a {@link Supplier} asked on every use: a keyset file that changed is picked up without a
 * restart (new wraps use its new primary at once); a keyset from the environment only changes with one.
 */
final class LocalKeysetKeyEncryptionKey implements KeyEncryptionKey {

    /** The {@code kek_id} of data keys wrapped by the local keyset. */
    static final String ID = "local-keyset";

    private final Supplier<KeysetHandle> source;
    private volatile Loaded loaded;

    /** A keyset that stays as it is. */
    LocalKeysetKeyEncryptionKey(KeysetHandle keyset) {
        this(() -> keyset);
    }

    /**
     * @param source the keyset; asked on every use, and expected to answer the same instance (cheaply) while nothing
     *     changed
     */
    LocalKeysetKeyEncryptionKey(Supplier<KeysetHandle> source) {
        this.source = source;
        this.loaded = load(source.get());
    }

    private record Loaded(KeysetHandle keyset, Aead aead, String primaryKeyVersion) {}

    private static Loaded load(KeysetHandle keyset) {
        try {
            // Tink key ids are unsigned 32-bit numbers.
            return new Loaded(
                    keyset,
                    keyset.getPrimitive(RegistryConfiguration.get(), Aead.class),
                    Integer.toUnsignedString(keyset.getPrimary().getId()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The token vault keyset is not an AEAD keyset", e);
        }
    }

    @Override
    public String id() {
        return ID;
    }

    /** The loaded keyset, loaded again when the source answers another one. */
    private Loaded current() {
        KeysetHandle keyset = source.get();
        Loaded current = loaded;
        if (keyset != current.keyset()) {
            current = load(keyset);
            loaded = current;
        }
        return current;
    }

    @Override
    public String currentKeyVersion() {
        return current().primaryKeyVersion();
    }

    @Override
    public WrappedDataKey wrap(byte[] dataKey, byte[] associatedData) {
        Loaded current = current();
        try {
            return new WrappedDataKey(current.aead().encrypt(dataKey, associatedData), ID, current.primaryKeyVersion());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not wrap a data key with the local keyset", e);
        }
    }

    @Override
    public byte[] unwrap(WrappedDataKey wrapped, byte[] associatedData) {
        if (!ID.equals(wrapped.kekId())) {
            throw new IllegalStateException("The data key was wrapped by KEK '" + wrapped.kekId()
                    + "', which this service is not configured with");
        }
        try {
            return current().aead().decrypt(wrapped.ciphertext(), associatedData);
        } catch (GeneralSecurityException e) {
            // Not chained: nothing of a failed decryption is worth a stack trace, and nothing secret leaves.
            throw new IllegalStateException("The data key (local keyset key " + wrapped.kekKeyVersion()
                    + ") does not unwrap: another record's key, tampered, or a keyset without that key");
        }
    }

    /** In process: each data key is unwrapped with whichever key wrapped it and wrapped again by the primary. */
    @Override
    public List<Rewrapped> rewrap(List<Rewrap> batch) {
        List<Rewrapped> results = new ArrayList<>(batch.size());
        for (Rewrap item : batch) {
            byte @Nullable [] dataKey = null;
            try {
                dataKey = unwrap(item.wrapped(), item.associatedData());
                results.add(Rewrapped.to(wrap(dataKey, item.associatedData())));
            } catch (IllegalStateException e) {
                results.add(Rewrapped.failed(e.getMessage()));
            } finally {
                if (dataKey != null) {
                    Arrays.fill(dataKey, (byte) 0);
                }
            }
        }
        return results;
    }
}
