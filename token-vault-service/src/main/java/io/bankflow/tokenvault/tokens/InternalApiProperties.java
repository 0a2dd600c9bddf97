package io.bankflow.tokenvault.tokens;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which service clients may call each internal operation ({@code bankflow.token-vault.internal-api.*}). A caller also
 * needs the role {@code service} in its token; its client id ({@code client_id}, else {@code sub}) must be listed
 * here for the operation.
 *
 * @param storeTokens may store or replace a connection's tokens (connection-service)
 * @param accessTokens may obtain a connection's access token (sync-service)
 * @param shredTokens may shred a connection's tokens (connection-service)
 * @param exchangeCodes may have an authorization code exchanged for a connection's tokens (connection-service)
 */
@ConfigurationProperties("bankflow.token-vault.internal-api")
public record InternalApiProperties(
        List<String> storeTokens, List<String> accessTokens, List<String> shredTokens, List<String> exchangeCodes) {

    public InternalApiProperties {
        storeTokens = storeTokens == null ? List.of() : List.copyOf(storeTokens);
        accessTokens = accessTokens == null ? List.of() : List.copyOf(accessTokens);
        shredTokens = shredTokens == null ? List.of() : List.copyOf(shredTokens);
        exchangeCodes = exchangeCodes == null ? List.of() : List.copyOf(exchangeCodes);
    }
}
