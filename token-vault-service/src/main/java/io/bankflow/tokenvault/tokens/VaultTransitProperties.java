package io.bankflow.tokenvault.tokens;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HashiCorp Vault Transit as the key-encryption key ({@code bankflow.token-vault.kek.vault-transit.*}), used when
 * {@code bankflow.token-vault.kek.provider=vault-transit} (ADR 0010).
 *
 * <p>The Transit key must be a derived key ({@code derived=true}): the service sends each data key's binding
 * (organisation, connection) as the derivation {@code context}, so a wrapped data key copied to another record does not
 * unwrap. The service refuses to start with a key that is not derived.
 *
 * <p>The Vault token comes from {@code token} (env {@code BANKFLOW_VAULT_TOKEN}) or, when that is blank, from {@code
 * token-file} (e.g. written by Vault Agent), re-read when the file changes. It is never logged and never part of an
 * exception message; {@link #toString()} does not show it.
 *
 * @param address Vault's address, e.g. {@code https://vault.internal:8200}
 * @param token the Vault token; blank = read {@code token-file}
 * @param tokenFile a file holding the Vault token
 * @param mount the path the Transit engine is mounted at, e.g. {@code transit}
 * @param keyName the Transit key's name
 * @param createKey whether to create the key (aes256-gcm96, derived) when it does not exist: for development and tests;
 *     production keys are created by whoever administers Vault
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 */
@ConfigurationProperties("bankflow.token-vault.kek.vault-transit")
public record VaultTransitProperties(
        @Nullable URI address,
        @Nullable String token,
        @Nullable Path tokenFile,
        @DefaultValue("transit") String mount,
        @DefaultValue("bankflow-token-vault") String keyName,
        @DefaultValue("false") boolean createKey,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {

    /** @return whether a token was configured directly, rather than through the file */
    public boolean hasConfiguredToken() {
        return token != null && !token.isBlank();
    }

    @Override
    public String toString() {
        // A record prints its components, and this one may hold the Vault token.
        return "VaultTransitProperties[address=" + address + ", token="
                + (hasConfiguredToken() ? "(configured)" : "(none)") + ", tokenFile=" + tokenFile + ", mount=" + mount
                + ", keyName=" + keyName + ", createKey=" + createKey + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + "]";
    }
}
