package io.bankflow.tokenvault.tokens.adapter.out.provider;

import io.bankflow.tokenvault.tokens.adapter.out.provider.ProviderClientsProperties.ProviderClient;
import io.bankflow.tokenvault.tokens.application.port.out.ProviderTokenEndpoint;
import io.bankflow.tokenvault.tokens.domain.AuthorizationCode;
import io.bankflow.tokenvault.tokens.domain.ProviderTokens;
import io.bankflow.tokenvault.tokens.domain.TokenValue;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ProviderTokenEndpoint} over HTTP with the JDK client: a form POST to the provider's token endpoint with
 * {@code client_secret_basic} authentication (RFC 6749 sections 2.3.1, 4.1.3, 6), the answer read as RFC 6749 section
 * 5.1 / 5.2 JSON. Redirects are not followed: a token endpoint that redirects is misconfigured, and the request body
 * holds secrets.
 *
 * <p>Never logs, and never puts into an exception, a request or response body: both hold secrets, and an {@code
 * error_description} may echo them.
 */
@Component
class HttpProviderTokenEndpoint implements ProviderTokenEndpoint {

    /** RFC 6749 section 5.2: {@code error} is one or more of %x20-21 / %x23-5B / %x5D-7E; we accept the usual ones. */
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProviderClientsProperties properties;
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    HttpProviderTokenEndpoint(ProviderClientsProperties properties) {
        this.properties = properties;
    }

    @Override
    public ProviderTokens exchange(String provider, AuthorizationCode code) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code.code());
        form.put("redirect_uri", code.redirectUri());
        form.put("code_verifier", code.codeVerifier());
        return call(provider, form);
    }

    @Override
    public ProviderTokens refresh(String provider, TokenValue refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken.reveal());
        return call(provider, form);
    }

    private ProviderTokens call(String provider, Map<String, String> form) {
        ProviderClient client = properties.providers().get(provider);
        if (client == null) {
            throw new UnknownProviderException(provider);
        }
        HttpRequest request = HttpRequest.newBuilder(client.tokenEndpoint())
                .timeout(client.readTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", basic(client))
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        HttpResponse<String> response;
        try {
            response = httpClient(provider, client).send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // The exception's message names the host or the timeout, never the body.
            throw new ProviderUnavailableException(
                    "Token endpoint of provider " + provider + " unreachable: "
                            + e.getClass().getSimpleName(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("Interrupted calling the token endpoint of provider " + provider, e);
        }
        return read(provider, response);
    }

    private static ProviderTokens read(String provider, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500 || status == 429 || status == 408) {
            throw new ProviderUnavailableException("Token endpoint of provider " + provider + " answered " + status);
        }
        JsonNode body = parse(provider, status, response.body());
        if (status != 200) {
            String error = text(body, "error");
            if (error == null || !ERROR_CODE.matcher(error).matches()) {
                throw new ProviderUnavailableException("Token endpoint of provider " + provider + " answered " + status
                        + " without an OAuth2 error code");
            }
            throw new ProviderRefusedException(provider, error);
        }
        String accessToken = text(body, "access_token");
        String tokenType = text(body, "token_type");
        if (accessToken == null
                || accessToken.isBlank()
                || (tokenType != null && !tokenType.equalsIgnoreCase("Bearer"))) {
            throw new ProviderUnavailableException(
                    "Token endpoint of provider " + provider + " answered 200 without a bearer access token");
        }
        String refreshToken = text(body, "refresh_token");
        Duration expiresIn = seconds(body, "expires_in");
        if (expiresIn == null) {
            throw new ProviderUnavailableException(
                    "Token endpoint of provider " + provider + " answered 200 without expires_in");
        }
        Duration refreshExpiresIn = seconds(body, "refresh_expires_in");
        if (refreshExpiresIn == null) {
            refreshExpiresIn = seconds(body, "refresh_token_expires_in");
        }
        return new ProviderTokens(
                TokenValue.of(accessToken),
                refreshToken == null || refreshToken.isBlank() ? null : TokenValue.of(refreshToken),
                expiresIn,
                refreshExpiresIn,
                text(body, "scope"));
    }

    private static JsonNode parse(String provider, int status, String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new ProviderUnavailableException(
                        "Token endpoint of provider " + provider + " answered " + status + " without a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            // Not chained: Jackson's message may quote the body.
            throw new ProviderUnavailableException(
                    "Token endpoint of provider " + provider + " answered " + status + " with a body that is not JSON");
        }
    }

    private static @Nullable String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }

    private static @Nullable Duration seconds(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.canConvertToLong()) {
            return null;
        }
        long seconds = value.asLong();
        return seconds < 0 ? null : Duration.ofSeconds(seconds);
    }

    private HttpClient httpClient(String provider, ProviderClient client) {
        return clients.computeIfAbsent(
                provider,
                id -> HttpClient.newBuilder()
                        .connectTimeout(client.connectTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build());
    }

    /** RFC 6749 section 2.3.1: id and secret are form-encoded before they are joined and Base64-encoded. */
    private static String basic(ProviderClient client) {
        String credentials = formEncode(client.clientId()) + ":" + formEncode(secretOf(client));
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static String secretOf(ProviderClient client) {
        String secret = client.clientSecret();
        if (secret != null && !secret.isBlank()) {
            return secret;
        }
        Path file = client.clientSecretFile();
        try {
            String fromFile = file == null ? "" : Files.readString(file).strip();
            if (fromFile.isEmpty()) {
                throw new ProviderUnavailableException(
                        "The client secret file of client " + client.clientId() + " is empty: " + file);
            }
            return fromFile;
        } catch (IOException e) {
            throw new ProviderUnavailableException(
                    "Cannot read the client secret file of client " + client.clientId() + ": " + file, e);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(entry -> formEncode(entry.getKey()) + "=" + formEncode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
