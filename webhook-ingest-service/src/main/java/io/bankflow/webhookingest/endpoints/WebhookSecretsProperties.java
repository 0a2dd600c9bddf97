package io.bankflow.webhookingest.endpoints;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the key that encrypts webhook signing secrets comes from ({@code bankflow.webhooks.*}).
 *
 * <p>Production sets {@code secret-keyset} (env {@code BANKFLOW_WEBHOOK_KEYSET}) from a secret store. Without it, the
 * embedded default generates a keyset once into {@code secret-keyset-file}, readable by its owner only, and reuses it
 * on every start: fine for a laptop, not for several instances (each would generate its own).
 *
 * @param secretKeyset a Tink AEAD keyset in Tink's JSON format (cleartext); blank or absent = use the file
 * @param secretKeysetFile the keyset file of the embedded default
 */
@ConfigurationProperties("bankflow.webhooks")
public record WebhookSecretsProperties(@Nullable String secretKeyset, Path secretKeysetFile) {

    public WebhookSecretsProperties {
        if (secretKeysetFile == null) {
            throw new IllegalArgumentException("bankflow.webhooks.secret-keyset-file must be set (the embedded"
                    + " default's keyset file, used when bankflow.webhooks.secret-keyset is not)");
        }
    }

    /** Whether a keyset was configured (rather than the embedded default file). */
    public boolean hasConfiguredKeyset() {
        return secretKeyset != null && !secretKeyset.isBlank();
    }

    @Override
    public String toString() {
        // Records print their components; this one holds key material.
        return "WebhookSecretsProperties[secretKeyset=" + (hasConfiguredKeyset() ? "(configured)" : "(none)")
                + ", secretKeysetFile=" + secretKeysetFile + "]";
    }
}
