package io.bankflow.tokenvault.tokens.application.port.out;

import io.bankflow.tokenvault.tokens.domain.WrappedDataKey;

/**
 * The key-encryption key (KEK) that wraps every record's data key. The embedded default is a local Tink keyset; a
 * HashiCorp Vault Transit key is the production choice (DESIGN.md section 5), added as another implementation: the
 * data key leaves the process only to be wrapped or unwrapped, and the wrapped form records which KEK and key version
 * made it.
 */
public interface KeyEncryptionKey {

    /** @return this KEK's identity, stored with every data key it wraps (e.g. {@code local-keyset}) */
    String id();

    /**
     * Encrypts a data key with the current (primary) key version.
     *
     * @param dataKey the data key in clear
     * @param associatedData what the wrapped key is bound to (organisation, connection)
     * @return the wrapped key, carrying {@link #id()} and the key version used
     */
    WrappedDataKey wrap(byte[] dataKey, byte[] associatedData);

    /**
     * Decrypts a data key this KEK wrapped, with whichever of its key versions wrapped it.
     *
     * @param wrapped the wrapped key
     * @param associatedData what it must be bound to
     * @return the data key in clear
     * @throws IllegalStateException when another KEK wrapped it, its key version is gone, it was tampered with or it is
     *     bound to something else
     */
    byte[] unwrap(WrappedDataKey wrapped, byte[] associatedData);
}
