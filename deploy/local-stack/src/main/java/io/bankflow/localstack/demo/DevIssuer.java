package io.bankflow.localstack.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/**
 * Access tokens of the demo organisations' ERP clients from the local stack's dev issuer (OAuth2 client credentials,
 * scope {@code banking}). The client secrets are the ones the issuer generated into {@code <state>/secrets/}.
 */
public final class DevIssuer {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI issuer;
    private final Path secretsDir;
    private final HttpClient http;

    public DevIssuer(URI issuer, Path secretsDir) {
        this.issuer = issuer;
        this.secretsDir = secretsDir;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** A fresh token of {@code clientId} (e.g. {@code acme-erp}). */
    public AccessToken accessToken(String clientId) {
        String secret = secret(clientId);
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(issuer.resolve("/oauth2/token"))
                .timeout(TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=banking"))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("the dev issuer at " + issuer + " does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            // The body of a refused token request names the error only (RFC 6749 section 5.2), never the secret.
            throw new IllegalStateException(
                    "the dev issuer refused a token for " + clientId + ": HTTP " + response.statusCode() + " "
                            + Json.tree(response.body()).path("error").asString(""));
        }
        return new AccessToken(Json.tree(response.body()).path("access_token").asString());
    }

    private String secret(String clientId) {
        Path file = secretsDir.resolve(clientId + ".secret");
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            throw new IllegalStateException(
                    "no client secret for " + clientId + " at " + file + " (the dev issuer writes it when it starts)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
