package io.bankflow.tokenvault.tokens.domain;

import java.util.Arrays;
import java.util.Objects;

/**
 * A record's data key as stored: encrypted by a key-encryption key (KEK), with the KEK's identity, so that rotation can
 * find and re-wrap the records still on an older key and a second KEK (Vault Transit) can coexist with the first.
 *
 * @param ciphertext the wrapped data key
 * @param kekId which KEK wrapped it, e.g. {@code local-keyset} or {@code vault-transit:token-vault}
 * @param kekKeyVersion which key of that KEK: a Tink key id, a Vault Transit version
 */
public record WrappedDataKey(byte[] ciphertext, String kekId, String kekKeyVersion) {

    public WrappedDataKey {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(kekId, "kekId");
        Objects.requireNonNull(kekKeyVersion, "kekKeyVersion");
        if (ciphertext.length == 0 || kekId.isBlank() || kekKeyVersion.isBlank()) {
            throw new IllegalArgumentException("A wrapped data key needs its ciphertext, KEK id and key version");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WrappedDataKey that
                && Arrays.equals(ciphertext, that.ciphertext)
                && kekId.equals(that.kekId)
                && kekKeyVersion.equals(that.kekKeyVersion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(ciphertext), kekId, kekKeyVersion);
    }

    @Override
    public String toString() {
        return "WrappedDataKey[" + ciphertext.length + " bytes, kek " + kekId + " key " + kekKeyVersion + "]";
    }
}
