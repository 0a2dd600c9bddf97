package io.bankflow.tokenvault.tokens.adapter.out.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.bankflow.tokenvault.tokens.application.port.out.KeyEncryptionKey;
import io.bankflow.tokenvault.tokens.application.port.out.TokenSealer;
import io.bankflow.tokenvault.tokens.domain.SealedField;
import io.bankflow.tokenvault.tokens.domain.SealedTokens;
import io.bankflow.tokenvault.tokens.domain.TokenBinding;
import io.bankflow.tokenvault.tokens.domain.TokenSecrets;
import io.bankflow.tokenvault.tokens.domain.TokenValue;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * {@link TokenSealer} by envelope encryption with Google Tink. Each record gets a fresh data key (a one-key AES256-GCM
 * Tink keyset) that encrypts its tokens; the data key, serialized, is wrapped by the {@link KeyEncryptionKey}. All
 * three ciphertexts carry associated data {@code orgId|connectionId|field}, so none of them opens anywhere else.
 */
final class TinkEnvelopeSealer implements TokenSealer {

    private final KeyEncryptionKey kek;

    TinkEnvelopeSealer(KeyEncryptionKey kek) {
        this.kek = kek;
    }

    @Override
    public SealedTokens seal(TokenBinding binding, TokenSecrets secrets) {
        byte[] dataKey = null;
        try {
            KeysetHandle dataKeyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            Aead aead = dataKeyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
            byte[] access =
                    aead.encrypt(secrets.accessToken().utf8(), binding.associatedData(SealedField.ACCESS_TOKEN));
            byte[] refresh = secrets.refreshToken() == null
                    ? null
                    : aead.encrypt(secrets.refreshToken().utf8(), binding.associatedData(SealedField.REFRESH_TOKEN));
            dataKey = TinkProtoKeysetFormat.serializeKeyset(dataKeyset, InsecureSecretKeyAccess.get());
            return new SealedTokens(kek.wrap(dataKey, binding.associatedData(SealedField.DATA_KEY)), access, refresh);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt the tokens of connection " + binding.connectionId(), e);
        } finally {
            if (dataKey != null) {
                Arrays.fill(dataKey, (byte) 0);
            }
        }
    }

    @Override
    public TokenValue open(SealedTokens sealed, TokenBinding binding, SealedField field) {
        byte[] ciphertext = switch (field) {
            case ACCESS_TOKEN -> sealed.accessToken();
            case REFRESH_TOKEN -> sealed.refreshToken();
            case DATA_KEY -> throw new IllegalArgumentException("The data key is not a token");
        };
        if (ciphertext == null) {
            throw new IllegalStateException("Connection " + binding.connectionId() + " has no " + field.label());
        }
        byte[] dataKey = kek.unwrap(sealed.dataKey(), binding.associatedData(SealedField.DATA_KEY));
        byte[] plaintext;
        try {
            Aead aead = TinkProtoKeysetFormat.parseKeyset(dataKey, InsecureSecretKeyAccess.get())
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
            plaintext = aead.decrypt(ciphertext, binding.associatedData(field));
        } catch (GeneralSecurityException e) {
            // Tink says nothing secret, but nothing of it is passed on anyway.
            throw new IllegalStateException("The " + field.label() + " of connection " + binding.connectionId()
                    + " does not decrypt for organisation " + binding.orgId()
                    + " (moved or tampered ciphertext)");
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
        try {
            return TokenValue.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plaintext))
                    .toString());
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(
                    "The " + field.label() + " of connection " + binding.connectionId() + " is not UTF-8");
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }
}
