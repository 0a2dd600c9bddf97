package io.bankflow.tokenvault.tokens.adapter.out.provider;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bankflow's OAuth2 client at each provider ({@code bankflow.token-vault.providers.<provider-id>.*}): where its token
 * endpoint is and how Bankflow authenticates there.
 *
 * @param providers the clients by provider id, e.g. {@code sandbox-bank}
 */
@ConfigurationProperties("bankflow.token-vault")
public record ProviderClientsProperties(Map<String, ProviderClient> providers) {

    public ProviderClientsProperties {
        providers = providers == null ? Map.of() : Map.copyOf(providers);
    }

    /**
     * One provider's client.
     *
     * @param tokenEndpoint the token endpoint URL (RFC 6749 section 3.2)
     * @param clientId Bankflow's client id there
     * @param clientSecret the client secret; blank = read {@code clientSecretFile}
     * @param clientSecretFile a file holding the client secret (e.g. the one the sandbox bank generates), read at each
     *     call so a secret written or rotated after start is picked up
     * @param connectTimeout how long connecting may take
     * @param readTimeout how long the whole answer may take
     */
    public record ProviderClient(
            URI tokenEndpoint,
            String clientId,
            @Nullable String clientSecret,
            @Nullable Path clientSecretFile,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("10s") Duration readTimeout) {

        public ProviderClient {
            if (tokenEndpoint == null || clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException("A provider client needs token-endpoint and client-id");
            }
            if ((clientSecret == null || clientSecret.isBlank()) && clientSecretFile == null) {
                throw new IllegalArgumentException(
                        "A provider client needs client-secret or client-secret-file (client " + clientId + ")");
            }
        }

        @Override
        public String toString() {
            return "ProviderClient[tokenEndpoint=" + tokenEndpoint + ", clientId=" + clientId + ", clientSecret="
                    + (clientSecret == null || clientSecret.isBlank()
                            ? "(from file " + clientSecretFile + ")"
                            : "(set)")
                    + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
        }
    }
}
