package io.bankflow.avroserde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bankflow.avroserde.test.Ping;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;

/**
 * Asks the real registry what it holds, or makes it forget, with a plain HTTP client rather than the client under test,
 * so integration tests check our code against the registry's own answers.
 */
final class RawRegistryApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String registryUrl;

    RawRegistryApi(String registryUrl) {
        this.registryUrl = registryUrl;
    }

    /** Every subject the registry lists ({@code GET /subjects}). */
    List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        call("GET", "/subjects").forEach(subject -> subjects.add(subject.asText()));
        return subjects;
    }

    /** The id of the latest version under {@code subject}. */
    int latestId(String subject) {
        JsonNode latest = call("GET", "/subjects/" + encode(subject) + "/versions/latest");
        assertThat(latest.path("id").canConvertToInt()).as("id in %s", latest).isTrue();
        return latest.get("id").intValue();
    }

    /** The schema text the registry holds for {@code id}. */
    String schemaText(int id) {
        return call("GET", "/schemas/ids/" + id).get("schema").asText();
    }

    /** Soft-deletes {@code subject}: it is no longer listed and its schemas no longer found under it. */
    void deleteSubject(String subject) {
        call("DELETE", "/subjects/" + encode(subject));
    }

    /**
     * Deletes {@code subject} for good. Apicurio then forgets ids used by no other subject, but only if nobody has asked
     * for them by id yet: once served by {@code GET /schemas/ids/{id}}, it keeps answering for them.
     */
    void deleteSubjectPermanently(String subject) {
        deleteSubject(subject);
        call("DELETE", "/subjects/" + encode(subject) + "?permanent=true");
    }

    /**
     * Ping's schema with a doc no other schema has, so the registry gives it an id of its own. Still read into the
     * generated {@code Ping} class.
     */
    static Schema uniquePingSchema() {
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(Ping.getClassSchema().toString());
            json.put("doc", "Ping, registered once by a test: " + UUID.randomUUID());
            return new Schema.Parser().parse(json.toString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private JsonNode call(String method, String path) {
        URI uri = URI.create(registryUrl + path);
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri)
                            .method(method, HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode())
                    .as("%s %s: %s", method, uri, response.body())
                    .isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted during " + method + " " + uri, e);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }
}
