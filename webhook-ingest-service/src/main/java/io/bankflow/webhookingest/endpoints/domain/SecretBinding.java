package io.bankflow.webhookingest.endpoints.domain;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * What a sealed secret belongs to. Used as the associated data of the encryption, so a ciphertext copied into another
 * endpoint's or organisation's row fails to decrypt instead of lending that endpoint someone else's secret.
 *
 * @param orgId the organisation that owns the endpoint
 * @param endpointId the endpoint
 */
public record SecretBinding(String orgId, UUID endpointId) {

    public SecretBinding {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(endpointId, "endpointId");
    }

    /**
     * {@code orgId|endpointId} in UTF-8. Unambiguous although an org id could contain {@code |}: the endpoint id is a
     * UUID of fixed length at the end.
     */
    public byte[] associatedData() {
        return (orgId + "|" + endpointId).getBytes(StandardCharsets.UTF_8);
    }
}
