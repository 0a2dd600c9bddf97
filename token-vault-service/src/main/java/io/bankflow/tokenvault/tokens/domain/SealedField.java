package io.bankflow.tokenvault.tokens.domain;

/**
 * What a ciphertext of a token record holds. Its name is part of the associated data ({@link TokenBinding}), so an
 * access token's ciphertext copied into the refresh token's column does not decrypt either.
 */
public enum SealedField {
    /** The provider's access token, encrypted with the record's data key. */
    ACCESS_TOKEN("access_token"),
    /** The provider's refresh token, encrypted with the record's data key. */
    REFRESH_TOKEN("refresh_token"),
    /** The record's data key, encrypted (wrapped) by the key-encryption key. */
    DATA_KEY("data_key");

    private final String label;

    SealedField(String label) {
        this.label = label;
    }

    /** @return the field's name in associated data; stable: changing it makes every stored ciphertext unreadable */
    public String label() {
        return label;
    }
}
