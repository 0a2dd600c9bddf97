package io.bankflow.tokenvault.tokens.domain;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Whose tokens a record holds: the organisation and the connection. Every ciphertext of the record is bound to it
 * through AEAD associated data {@code orgId|connectionId|field}, so a ciphertext copied into another record, another
 * organisation's row or another field fails to decrypt instead of lending someone else's token.
 *
 * @param orgId the organisation (tenant) the connection belongs to
 * @param connectionId the connection (owned by connection-service)
 */
public record TokenBinding(String orgId, UUID connectionId) {

    public TokenBinding {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(connectionId, "connectionId");
        if (orgId.isBlank()) {
            throw new IllegalArgumentException("orgId must not be blank");
        }
    }

    /**
     * The associated data of one field: {@code orgId|connectionId|field} in UTF-8. Unambiguous even if an org id
     * contained {@code |}: the two parts after it are a UUID and a fixed label, neither of which can contain one.
     *
     * @param field the field the ciphertext is stored in
     * @return the bytes to authenticate with it
     */
    public byte[] associatedData(SealedField field) {
        return (orgId + "|" + connectionId + "|" + field.label()).getBytes(StandardCharsets.UTF_8);
    }
}
