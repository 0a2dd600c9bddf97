package io.bankflow.tokenvault.tokens.domain;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The secret material of a token record as stored: the ciphertexts and the wrapped data key that opens them. Nothing in
 * it is readable without the key-encryption key; deleting {@link #dataKey()} makes the ciphertexts unreadable for good.
 *
 * @param dataKey the record's data key, wrapped by the key-encryption key
 * @param accessToken the access token's ciphertext
 * @param refreshToken the refresh token's ciphertext, when there is a refresh token
 */
public record SealedTokens(WrappedDataKey dataKey, byte[] accessToken, byte @Nullable [] refreshToken) {

    public SealedTokens {
        Objects.requireNonNull(dataKey, "dataKey");
        Objects.requireNonNull(accessToken, "accessToken");
        if (accessToken.length == 0 || (refreshToken != null && refreshToken.length == 0)) {
            throw new IllegalArgumentException("A ciphertext cannot be empty");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedTokens that
                && dataKey.equals(that.dataKey)
                && Arrays.equals(accessToken, that.accessToken)
                && Arrays.equals(refreshToken, that.refreshToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dataKey, Arrays.hashCode(accessToken), Arrays.hashCode(refreshToken));
    }

    @Override
    public String toString() {
        return "SealedTokens[" + dataKey + ", access " + accessToken.length + " bytes, refresh "
                + (refreshToken == null ? "none" : refreshToken.length + " bytes") + "]";
    }
}
