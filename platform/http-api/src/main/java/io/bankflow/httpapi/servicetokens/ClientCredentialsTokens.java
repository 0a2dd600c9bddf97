package io.bankflow.httpapi.servicetokens;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's own access token for internal calls: OAuth2 client credentials at the issuer (RFC 6749 section 4.4,
 * {@code client_secret_basic}), reused until 30 seconds before it expires. The secret is read on each request for a
 * token, so a rotated secret file takes effect without a restart. Neither the secret nor the token appears in an
 * exception message or {@link #toString()}.
 */
public final class ClientCredentialsTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);

    private final Settings settings;
    private final HttpClient http;
    private final Clock clock;
    private @Nullable String token;
    private Instant renewAt = Instant.MIN;

    public ClientCredentialsTokens(Settings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    /**
     * Where and as whom to ask for tokens.
     *
     * @param issuerUri the issuer; tokens come from {@code <issuerUri>/oauth2/token}
     * @param clientId the service's client id
     * @param clientSecret the secret; null or blank: read {@code <clientId>.secret} in {@code secretsDir}
     * @param secretsDir the directory of local secret files
     * @param timeout the longest wait for the issuer
     */
    public record Settings(
            URI issuerUri, String clientId, @Nullable String clientSecret, Path secretsDir, Duration timeout) {

        public Settings {
            Objects.requireNonNull(issuerUri, "issuerUri");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(secretsDir, "secretsDir");
            Objects.requireNonNull(timeout, "timeout");
        }

        @Override
        public String toString() {
            return "Settings[issuerUri=" + issuerUri + ", clientId=" + clientId + "]";
        }
    }

    /** The issuer gave no token: unreachable, refused the client, or answered something unreadable. */
    public static final class UnavailableException extends RuntimeException {
        public UnavailableException(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A valid token, from the cache or fresh from the issuer.
     *
     * @throws UnavailableException when the issuer gave none
     */
    public synchronized String accessToken() {
        Instant now = clock.instant();
        if (token != null && now.isBefore(renewAt)) {
            return token;
        }
        String credentials = form(settings.clientId()) + ":" + form(secret());
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(settings.issuerUri().toString().replaceAll("/$", "") + "/oauth2/token"))
                .timeout(settings.timeout())
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
            throw new UnavailableException("Could not reach the issuer for a service token", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("Interrupted while asking the issuer for a service token", e);
        }
        if (response.statusCode() != 200) {
            // The body is an OAuth2 error document (RFC 6749 section 5.2); it carries no secret.
            throw new UnavailableException(
                    "The issuer refused a service token for " + settings.clientId() + " (" + response.statusCode()
                            + "): " + abbreviate(response.body()),
                    null);
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            String issued = body.path("access_token").asString("");
            if (issued.isEmpty()) {
                throw new UnavailableException("The issuer's token answer has no access_token", null);
            }
            token = issued;
            long lifetime = body.path("expires_in").asLong(60);
            renewAt = now.plus(Duration.ofSeconds(lifetime).minus(RENEW_BEFORE_EXPIRY));
            return issued;
        } catch (JacksonException e) {
            throw new UnavailableException("The issuer's token answer is not JSON", null);
        }
    }

    /** Forgets the cached token, e.g. after the callee rejected it. */
    public synchronized void forget() {
        token = null;
        renewAt = Instant.MIN;
    }

    private String secret() {
        String configured = settings.clientSecret();
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        Path file = settings.secretsDir().resolve(settings.clientId() + ".secret");
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UnavailableException(
                    "No client secret for " + settings.clientId() + ": configure one or provide " + file, e);
        }
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    @Override
    public String toString() {
        return "ClientCredentialsTokens[" + settings + "]";
    }
}
