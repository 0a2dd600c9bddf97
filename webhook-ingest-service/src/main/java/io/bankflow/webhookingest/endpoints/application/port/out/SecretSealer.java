package io.bankflow.webhookingest.endpoints.application.port.out;

import io.bankflow.webhookingest.endpoints.domain.SealedSecret;
import io.bankflow.webhookingest.endpoints.domain.SecretBinding;
import io.bankflow.webhookingest.providers.domain.SigningSecret;

/**
 * Encrypts signing secrets for storage and decrypts them for verification. Signing secrets must be kept usable (an
 * HMAC needs the secret itself), so they are encrypted, never hashed.
 */
public interface SecretSealer {

    /**
     * Encrypts a secret, bound to its endpoint.
     *
     * @param secret the secret
     * @param binding the endpoint it belongs to (authenticated, not encrypted)
     * @return the sealed secret
     */
    SealedSecret seal(SigningSecret secret, SecretBinding binding);

    /**
     * Decrypts a secret.
     *
     * @param sealed what {@link #seal} returned
     * @param binding the endpoint it must belong to
     * @return the secret
     * @throws IllegalStateException when it does not decrypt: another endpoint's ciphertext, a tampered row or a
     *     missing key
     */
    SigningSecret open(SealedSecret sealed, SecretBinding binding);
}
