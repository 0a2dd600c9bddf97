package io.bankflow.tokenvault.tokens.adapter.out.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import io.bankflow.tokenvault.tokens.application.port.out.KeyEncryptionKey;
import io.bankflow.tokenvault.tokens.domain.WrappedDataKey;
import java.security.GeneralSecurityException;

/**
 * {@link KeyEncryptionKey} with a local Tink AEAD keyset (the embedded default). Rotation: add a new key to the keyset
 * and make it primary; data keys wrapped before still unwrap (Tink finds the key by the id prefixed to the
 * ciphertext), new ones carry the new key id in {@link WrappedDataKey#kekKeyVersion()}.
 */
final class LocalKeysetKeyEncryptionKey implements KeyEncryptionKey {

    /** The {@code kek_id} of data keys wrapped by the local keyset. */
    static final String ID = "local-keyset";

    private final Aead aead;
    private final String primaryKeyVersion;

    LocalKeysetKeyEncryptionKey(KeysetHandle keyset) {
        try {
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The token vault keyset is not an AEAD keyset", e);
        }
        // Tink key ids are unsigned 32-bit numbers.
        this.primaryKeyVersion = Integer.toUnsignedString(keyset.getPrimary().getId());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public WrappedDataKey wrap(byte[] dataKey, byte[] associatedData) {
        try {
            return new WrappedDataKey(aead.encrypt(dataKey, associatedData), ID, primaryKeyVersion);
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
            return aead.decrypt(wrapped.ciphertext(), associatedData);
        } catch (GeneralSecurityException e) {
            // Not chained: nothing of a failed decryption is worth a stack trace, and nothing secret leaves.
            throw new IllegalStateException("The data key (local keyset key " + wrapped.kekKeyVersion()
                    + ") does not unwrap: another record's key, tampered, or a keyset without that key");
        }
    }
}
