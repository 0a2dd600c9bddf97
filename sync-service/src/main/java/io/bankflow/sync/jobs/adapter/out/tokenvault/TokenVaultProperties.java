package io.bankflow.sync.jobs.adapter.out.tokenvault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sync-service calls token-vault-service ({@code bankflow.sync.token-vault.*}).
 *
 * @param url token-vault-service's base URL
 * @param issuerUri the issuer that gives sync-service its client-credentials token for the call
 * @param clientId sync-service's client at the issuer
 * @param clientSecret its secret; empty: read {@code <clientId>.secret} in {@code secretsDir}
 * @param secretsDir the directory of local secrets
 * @param timeout the longest wait for one answer (a refresh at the bank may be part of it)
 */
@ConfigurationProperties("bankflow.sync.token-vault")
public record TokenVaultProperties(
        @DefaultValue("http://127.0.0.1:18620") URI url,
        @DefaultValue("http://127.0.0.1:18675") URI issuerUri,
        @DefaultValue("sync-service") String clientId,
        @Nullable String clientSecret,
        @DefaultValue(".bankflow/secrets") Path secretsDir,
        @DefaultValue("15s") Duration timeout) {

    @Override
    public String toString() {
        return "TokenVaultProperties[url=" + url + ", issuerUri=" + issuerUri + ", clientId=" + clientId + "]";
    }
}
