package io.bankflow.connection.testing;

import io.bankflow.testinfra.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the service under test over real HTTP, with real tokens of the dev issuer's demo clients. */
public final class Api {

    /** Finance and admin of acme-industries. */
    public static final String ACME_ERP = "acme-erp";
    /** acme-industries without any role. */
    public static final String ACME_READONLY = "acme-readonly";
    /** Finance and admin of globex-trading. */
    public static final String GLOBEX_ERP = "globex-erp";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public Api(int port) {
        this.port = port;
    }

    public HttpResponse<String> get(String client, String path) {
        return send(authorised(client, path).GET().build());
    }

    public HttpResponse<String> delete(String client, String path) {
        return send(authorised(client, path).DELETE().build());
    }

    public HttpResponse<String> postJson(String client, String path, String json, String... headers) {
        HttpRequest.Builder request = authorised(client, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder authorised(String client, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestIssuer.accessToken(client));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
