package io.bankflow.tokenvault.vaultsim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Vault's administrators do to a Transit key, through the HTTP API with the root token: create, rotate, configure,
 * read. For tests that rotate the key under a running service.
 *
 * @param vault the simulator
 * @param mount the Transit mount
 */
public record VaultOperator(VaultTransitSimulator vault, String mount) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** @return an operator of the {@code transit} mount */
    public static VaultOperator of(VaultTransitSimulator vault) {
        return new VaultOperator(vault, "transit");
    }

    /** {@code POST keys/:name} */
    public Map<String, Object> createKey(String name, Map<String, Object> settings) {
        return call("POST", "keys/" + name, settings);
    }

    /** {@code POST keys/:name/rotate} */
    public Map<String, Object> rotate(String name) {
        return call("POST", "keys/" + name + "/rotate", Map.of());
    }

    /** {@code POST keys/:name/config} */
    public Map<String, Object> configure(String name, Map<String, Object> settings) {
        return call("POST", "keys/" + name + "/config", settings);
    }

    /** {@code GET keys/:name} */
    public Map<String, Object> readKey(String name) {
        return call("GET", "keys/" + name, null);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(String method, String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(vault.address() + "/v1/" + mount + "/" + path))
                    .header("X-Vault-Token", vault.rootToken())
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .build();
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Map<String, Object> answer = JSON.readValue(response.body(), Map.class);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        method + " " + path + ": HTTP " + response.statusCode() + " " + answer.get("errors"));
            }
            return (Map<String, Object>) answer.get("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
