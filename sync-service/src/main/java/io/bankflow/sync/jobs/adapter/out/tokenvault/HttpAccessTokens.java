package io.bankflow.sync.jobs.adapter.out.tokenvault;

import io.bankflow.httpapi.servicetokens.ClientCredentialsTokens;
import io.bankflow.sync.jobs.application.port.out.AccessTokens;
import io.bankflow.sync.jobs.domain.SyncFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link AccessTokens} from token-vault-service: {@code POST /internal/connections/{id}/access-token} with the
 * organisation in the body, authenticated by sync-service's own client-credentials token (ADR 0009). The token is held
 * in memory for one job and never logged; error answers are reduced to their problem type.
 */
@Component
class HttpAccessTokens implements AccessTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TokenVaultProperties properties;
    private final ClientCredentialsTokens serviceTokens;
    private final HttpClient http;

    HttpAccessTokens(TokenVaultProperties properties, Clock clock) {
        this.properties = properties;
        this.serviceTokens = new ClientCredentialsTokens(
                new ClientCredentialsTokens.Settings(
                        properties.issuerUri(),
                        properties.clientId(),
                        properties.clientSecret(),
                        properties.secretsDir(),
                        properties.timeout()),
                clock);
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String accessToken(String orgId, UUID connectionId) {
        HttpResponse<String> response = send(orgId, connectionId);
        if (response.statusCode() == 401) {
            // Our own token may have been revoked or the issuer's keys rotated: one fresh try.
            serviceTokens.forget();
            response = send(orgId, connectionId);
        }
        int status = response.statusCode();
        if (status == 200) {
            try {
                String token =
                        JSON.readTree(response.body()).path("accessToken").asString("");
                if (!token.isEmpty()) {
                    return token;
                }
            } catch (JacksonException e) {
                // handled below
            }
            throw unavailable("TOKEN_VAULT_INVALID_RESPONSE", "token-vault-service answered without a token.", true);
        }
        String type = problemType(response.body());
        throw switch (status) {
            case 404 ->
                unavailable("TOKENS_NOT_FOUND", "token-vault-service holds no tokens for this connection.", false);
            case 410 ->
                unavailable(
                        "TOKENS_REVOKED",
                        "The connection's tokens were destroyed (disconnected); reconnect to sync again.",
                        false);
            case 409 ->
                unavailable(
                        "TOKEN_EXPIRED",
                        "The bank access expired and could not be renewed (" + type + "); re-authorise the connection.",
                        false);
            case 502, 503, 504 ->
                unavailable(
                        "PROVIDER_UNAVAILABLE",
                        "token-vault-service could not renew the access token at the bank (" + status + ").",
                        true);
            default ->
                unavailable(
                        "TOKEN_VAULT_UNAVAILABLE",
                        "token-vault-service refused the access token request (" + status + ", " + type + ").",
                        status >= 500 || status == 429 || status == 401);
        };
    }

    private HttpResponse<String> send(String orgId, UUID connectionId) {
        String serviceToken;
        try {
            serviceToken = serviceTokens.accessToken();
        } catch (ClientCredentialsTokens.UnavailableException e) {
            throw new UnavailableException(
                    new SyncFailure(
                            "TOKEN_VAULT_UNAVAILABLE", "sync-service got no service token from the issuer.", true),
                    e);
        }
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(properties.url().toString().replaceAll("/$", "") + "/internal/connections/"
                                + connectionId + "/access-token"))
                .timeout(properties.timeout())
                .header("Authorization", "Bearer " + serviceToken)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("orgId", orgId))))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UnavailableException(
                    new SyncFailure("TOKEN_VAULT_UNAVAILABLE", "token-vault-service could not be reached.", true), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException(
                    new SyncFailure("TOKEN_VAULT_UNAVAILABLE", "Interrupted while asking token-vault-service.", true),
                    e);
        }
    }

    private static UnavailableException unavailable(String code, String message, boolean retryable) {
        return new UnavailableException(new SyncFailure(code, message, retryable));
    }

    /** The last segment of the problem's type URI (e.g. token-expired): safe to show, unlike free text. */
    private static String problemType(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            String type = problem.path("type").asString("");
            String slug = type.substring(type.lastIndexOf('/') + 1);
            return slug.matches("[a-z0-9-]{1,64}") ? slug : "unknown";
        } catch (JacksonException | IllegalArgumentException e) {
            return "unknown";
        }
    }
}
