package io.bankflow.tokenvault.tokens;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which key-encryption key (KEK) wraps every record's data key ({@code bankflow.token-vault.kek.*}), and where the local
 * Tink AEAD keyset of the embedded default comes from.
 *
 * <p>{@code provider=local} (the default): production sets {@code keyset} (env {@code BANKFLOW_TOKEN_VAULT_KEYSET})
 * from a secret store. Without it, a keyset is generated once into {@code keyset-file}, readable by its owner only, and
 * reused on every start: fine for one machine, not for several instances (each would generate its own). The file is
 * re-read when it changes, so a key added to it and made primary is used without a restart (ADR 0010).
 *
 * <p>{@code provider=vault-transit}: a HashiCorp Vault Transit key wraps the data keys ({@link VaultTransitProperties}).
 *
 * @param provider which KEK wraps new data keys
 * @param keyset a Tink AEAD keyset in Tink's JSON format (cleartext); blank or absent = use the file
 * @param keysetFile the keyset file of the embedded default
 */
@ConfigurationProperties("bankflow.token-vault.kek")
public record KeyEncryptionProperties(
        @DefaultValue("local") Provider provider, @Nullable String keyset, Path keysetFile) {

    /** The KEK implementations. */
    public enum Provider {
        /** A local Tink AEAD keyset (the embedded default). */
        LOCAL,
        /** A HashiCorp Vault Transit key ({@code vault-transit}). */
        VAULT_TRANSIT
    }

    public KeyEncryptionProperties {
        if (provider == null) {
            provider = Provider.LOCAL;
        }
        if (keysetFile == null) {
            throw new IllegalArgumentException("bankflow.token-vault.kek.keyset-file must be set (the embedded"
                    + " default's keyset file, used when bankflow.token-vault.kek.keyset is not)");
        }
    }

    /**
     * The local keyset settings, provider {@link Provider#LOCAL}.
     *
     * @param keyset the configured keyset, or null for the file
     * @param keysetFile the keyset file
     * @return the settings
     */
    public static KeyEncryptionProperties local(@Nullable String keyset, Path keysetFile) {
        return new KeyEncryptionProperties(Provider.LOCAL, keyset, keysetFile);
    }

    /** @return whether a keyset was configured, rather than the embedded default's file */
    public boolean hasConfiguredKeyset() {
        return keyset != null && !keyset.isBlank();
    }

    @Override
    public String toString() {
        // A record prints its components, and this one may hold key material.
        return "KeyEncryptionProperties[provider=" + provider + ", keyset="
                + (hasConfiguredKeyset() ? "(configured)" : "(none)") + ", keysetFile=" + keysetFile + "]";
    }
}
