package io.bankflow.webhookingest.endpoints.adapter.out.crypto;

import com.google.crypto.tink.Aead;
import io.bankflow.webhookingest.endpoints.application.port.out.SecretSealer;
import io.bankflow.webhookingest.endpoints.domain.SealedSecret;
import io.bankflow.webhookingest.endpoints.domain.SecretBinding;
import io.bankflow.webhookingest.providers.domain.SigningSecret;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * {@link SecretSealer} with a Tink {@link Aead} (AES-256-GCM keyset). The associated data is the endpoint's
 * {@code orgId|endpointId}: authenticated, not stored, so a ciphertext moved to another row does not decrypt.
 */
final class TinkSecretSealer implements SecretSealer {

    /** {@code kek_version} of rows sealed by this class: the Tink keyset of {@code bankflow.webhooks.secret-keyset}. */
    static final int SCHEME_VERSION = 1;

    private final Aead aead;

    TinkSecretSealer(Aead aead) {
        this.aead = aead;
    }

    @Override
    public SealedSecret seal(SigningSecret secret, SecretBinding binding) {
        try {
            return new SealedSecret(aead.encrypt(secret.utf8(), binding.associatedData()), SCHEME_VERSION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Could not encrypt the signing secret of endpoint " + binding.endpointId(), e);
        }
    }

    @Override
    public SigningSecret open(SealedSecret sealed, SecretBinding binding) {
        if (sealed.schemeVersion() != SCHEME_VERSION) {
            throw new IllegalStateException("The signing secret of endpoint " + binding.endpointId()
                    + " was sealed with scheme " + sealed.schemeVersion() + ", which this version cannot open");
        }
        byte[] plaintext;
        try {
            plaintext = aead.decrypt(sealed.ciphertext(), binding.associatedData());
        } catch (GeneralSecurityException e) {
            // Wrong row, tampered ciphertext, or a keyset without the key that sealed it. Tink's message says nothing
            // secret, but it is not forwarded anyway.
            throw new IllegalStateException("The signing secret of endpoint " + binding.endpointId()
                    + " does not decrypt for organisation " + binding.orgId()
                    + " (moved or tampered ciphertext, or a keyset without its key)");
        }
        try {
            return SigningSecret.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plaintext))
                    .toString());
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("The signing secret of endpoint " + binding.endpointId() + " is not UTF-8");
        }
    }
}
