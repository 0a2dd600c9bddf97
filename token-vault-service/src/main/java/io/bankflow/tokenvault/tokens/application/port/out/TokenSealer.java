package io.bankflow.tokenvault.tokens.application.port.out;

import io.bankflow.tokenvault.tokens.domain.SealedField;
import io.bankflow.tokenvault.tokens.domain.SealedTokens;
import io.bankflow.tokenvault.tokens.domain.TokenBinding;
import io.bankflow.tokenvault.tokens.domain.TokenSecrets;
import io.bankflow.tokenvault.tokens.domain.TokenValue;

/**
 * Envelope encryption of token records: a fresh data key per record encrypts the tokens, the {@link KeyEncryptionKey}
 * wraps the data key. Every ciphertext is bound to its record and field ({@link TokenBinding#associatedData}).
 */
public interface TokenSealer {

    /**
     * Encrypts a record's tokens under a new data key.
     *
     * @param binding the organisation and connection they belong to
     * @param secrets the tokens in clear
     * @return the ciphertexts and the wrapped data key
     */
    SealedTokens seal(TokenBinding binding, TokenSecrets secrets);

    /**
     * Decrypts one token of a record.
     *
     * @param sealed what {@link #seal} returned for the record
     * @param binding the organisation and connection the record belongs to
     * @param field {@link SealedField#ACCESS_TOKEN} or {@link SealedField#REFRESH_TOKEN}
     * @return the token in clear
     * @throws IllegalStateException when it does not decrypt (another record's ciphertext or data key, a tampered row,
     *     a KEK without the key that wrapped it, or no refresh token); the message never holds key or token material
     */
    TokenValue open(SealedTokens sealed, TokenBinding binding, SealedField field);
}
