package io.bankflow.connection.connections.adapter.out.tokenvault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How connection-service calls token-vault-service ({@code bankflow.connections.token-vault.*}).
 *
 * @param url token-vault-service's base URL
 * @param issuerUri the OIDC issuer that gives us a client-credentials token for the call ({@code /oauth2/token})
 * @param clientId our client at the issuer
 * @param clientSecret our client secret; empty: read {@code <clientId>.secret} in {@code secretsDir}
 * @param secretsDir the directory of local secrets
 * @param timeout the longest wait for one answer (the exchange includes a call to the bank)
 */
@ConfigurationProperties("bankflow.connections.token-vault")
public record TokenVaultProperties(
        @DefaultValue("http://127.0.0.1:18620") URI url,
        @DefaultValue("http://127.0.0.1:18675") URI issuerUri,
        @DefaultValue("connection-service") String clientId,
        @Nullable String clientSecret,
        @DefaultValue(".bankflow/secrets") Path secretsDir,
        @DefaultValue("15s") Duration timeout) {

    @Override
    public String toString() {
        return "TokenVaultProperties[url=" + url + ", issuerUri=" + issuerUri + ", clientId=" + clientId + "]";
    }
}
