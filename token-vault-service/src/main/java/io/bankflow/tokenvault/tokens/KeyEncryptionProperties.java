package io.bankflow.tokenvault.tokens;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the key-encryption key (KEK) of the embedded default comes from ({@code bankflow.token-vault.kek.*}): a local
 * Tink AEAD keyset that wraps every record's data key.
 *
 * <p>Production sets {@code keyset} (env {@code BANKFLOW_TOKEN_VAULT_KEYSET}) from a secret store, or (later) uses
 * Vault Transit instead. Without it, a keyset is generated once into {@code keyset-file}, readable by its owner only,
 * and reused on every start: fine for one machine, not for several instances (each would generate its own).
 *
 * @param keyset a Tink AEAD keyset in Tink's JSON format (cleartext); blank or absent = use the file
 * @param keysetFile the keyset file of the embedded default
 */
@ConfigurationProperties("bankflow.token-vault.kek")
public record KeyEncryptionProperties(@Nullable String keyset, Path keysetFile) {

    public KeyEncryptionProperties {
        if (keysetFile == null) {
            throw new IllegalArgumentException("bankflow.token-vault.kek.keyset-file must be set (the embedded"
                    + " default's keyset file, used when bankflow.token-vault.kek.keyset is not)");
        }
    }

    /** @return whether a keyset was configured, rather than the embedded default's file */
    public boolean hasConfiguredKeyset() {
        return keyset != null && !keyset.isBlank();
    }

    @Override
    public String toString() {
        // A record prints its components, and this one may hold key material.
        return "KeyEncryptionProperties[keyset=" + (hasConfiguredKeyset() ? "(configured)" : "(none)") + ", keysetFile="
                + keysetFile + "]";
    }
}
