package io.bankflow.connection.connections.adapter.out.tokenvault;

import io.bankflow.connection.connections.application.port.out.TokenVault;
import io.bankflow.connection.connections.domain.Pkce;
import io.bankflow.httpapi.servicetokens.ClientCredentialsTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link TokenVault} over token-vault-service's internal API:
 * {@code POST /internal/connections/{connectionId}/authorization-code} with our service token; 204 stored, 422
 * {@code authorization-code-rejected}, 502 {@code provider-unavailable}. The request body holds the code and the
 * verifier: it is never logged.
 */
@Component
class HttpTokenVault implements TokenVault {

    private static final Logger log = LoggerFactory.getLogger(HttpTokenVault.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TokenVaultProperties properties;
    private final ClientCredentialsTokens serviceTokens;
    private final HttpClient http;

    HttpTokenVault(TokenVaultProperties properties, Clock clock) {
        this.properties = properties;
        // connection-service's own token for the internal call (ADR 0009).
        this.serviceTokens = new ClientCredentialsTokens(
                new ClientCredentialsTokens.Settings(
                        properties.issuerUri(),
                        properties.clientId(),
                        properties.clientSecret(),
                        properties.secretsDir(),
                        properties.timeout()),
                clock);
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    @Override
    public void exchangeAuthorizationCode(
            UUID connectionId, String orgId, String provider, String code, Pkce pkce, URI redirectUri) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("orgId", orgId);
        body.put("provider", provider);
        body.put("code", code);
        body.put("codeVerifier", pkce.verifier());
        body.put("redirectUri", redirectUri.toString());
        HttpRequest request = HttpRequest.newBuilder(
                        properties.url().resolve("/internal/connections/" + connectionId + "/authorization-code"))
                .timeout(properties.timeout())
                .header("Authorization", "Bearer " + serviceToken())
                .header("Content-Type", "application/json")
                .header("Accept", "application/problem+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TokenVaultUnavailableException("Could not reach token-vault-service at " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenVaultUnavailableException("Interrupted while waiting for token-vault-service", e);
        }
        int status = response.statusCode();
        if (status == 204 || status == 200) {
            return;
        }
        if (status == 422) {
            throw new CodeRejectedException("The bank rejected the authorization code of connection " + connectionId);
        }
        log.warn("token-vault-service answered {} to the code exchange of connection {}", status, connectionId);
        throw new TokenVaultUnavailableException(
                "token-vault-service answered " + status + " to the code exchange of connection " + connectionId);
    }

    private String serviceToken() {
        try {
            return serviceTokens.accessToken();
        } catch (ClientCredentialsTokens.UnavailableException e) {
            throw new TokenVaultUnavailableException(e.getMessage(), e);
        }
    }
}
