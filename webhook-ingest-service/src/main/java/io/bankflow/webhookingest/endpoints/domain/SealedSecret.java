package io.bankflow.webhookingest.endpoints.domain;

import java.util.Arrays;
import java.util.Objects;

/**
 * A signing secret as stored: encrypted, bound to its endpoint, opaque to everything but the sealer that made it.
 *
 * @param ciphertext the encrypted secret
 * @param schemeVersion which sealing scheme made it (column {@code kek_version}), so a later scheme (an external KMS
 *     as key-encryption key) can coexist with rows sealed before it
 */
public record SealedSecret(byte[] ciphertext, int schemeVersion) {

    public SealedSecret {
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (ciphertext.length == 0) {
            throw new IllegalArgumentException("A sealed secret cannot be empty");
        }
        if (schemeVersion < 1) {
            throw new IllegalArgumentException("schemeVersion must be positive, was " + schemeVersion);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedSecret that
                && schemeVersion == that.schemeVersion
                && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ciphertext) + schemeVersion;
    }

    @Override
    public String toString() {
        return "SealedSecret[" + ciphertext.length + " bytes, scheme " + schemeVersion + "]";
    }
}
