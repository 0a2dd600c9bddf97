package io.bankflow.connection.connections.adapter.out.tokenvault;

import io.bankflow.connection.connections.application.port.out.TokenVault.TokenVaultUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * connection-service's own access token for internal calls: OAuth2 client credentials at the issuer (RFC 6749
 * section 4.4, {@code client_secret_basic}), reused until shortly before it expires. The secret is read on each
 * request for a token, so a rotated secret file takes effect without a restart.
 */
@Component
class ServiceTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TokenVaultProperties properties;
    private final HttpClient http;
    private final Clock clock;
    private @Nullable String token;
    private Instant renewAt = Instant.MIN;

    ServiceTokens(TokenVaultProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    synchronized String accessToken() {
        Instant now = clock.instant();
        if (token != null && now.isBefore(renewAt)) {
            return token;
        }
        String credentials = form(properties.clientId()) + ":" + form(secret());
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(properties.issuerUri().toString().replaceAll("/$", "") + "/oauth2/token"))
                .timeout(properties.timeout())
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=banking"))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TokenVaultUnavailableException("Could not reach the issuer for a service token", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenVaultUnavailableException("Interrupted while asking the issuer for a service token", e);
        }
        if (response.statusCode() != 200) {
            // The body is an OAuth2 error document; it carries no secret.
            throw new TokenVaultUnavailableException(
                    "The issuer refused a service token (" + response.statusCode() + "): " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        token = body.path("access_token").asString();
        long lifetime = body.path("expires_in").asLong(60);
        renewAt = now.plusSeconds(Math.max(lifetime - 30, 0));
        return token;
    }

    private String secret() {
        String configured = properties.clientSecret();
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        Path file = properties.secretsDir().resolve(properties.clientId() + ".secret");
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new TokenVaultUnavailableException(
                    "No client secret for " + properties.clientId() + ": set BANKFLOW_CONNECTION_SERVICE_SECRET or"
                            + " provide " + file,
                    e);
        }
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
