package io.bankflow.avroserde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A small client for the Confluent Schema Registry REST API, as spoken by Confluent, Apicurio ({@code
 * /apis/ccompat/v7}), Karapace and Redpanda. Avro only; schemas are sent self-contained (no references).
 *
 * <p>Thread-safe. Ids by subject and schema, and schemas by id, are cached for the life of the client: in the Confluent
 * model an id always means the same schema, and a schema once registered under a subject keeps its id. Failures are
 * {@link SerializationException}s whose message names the registry URL, the request, the subject or id, the HTTP
 * status and the registry's own error message ({@link SchemaRegistryException} when the registry answered with an
 * error); credentials never appear in them. When several URLs are configured,
 * each request tries them in order until one answers.
 */
public final class SchemaRegistryClient implements AutoCloseable {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AvroSerdeConfig config;
    private final HttpClient http;
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    private record SubjectSchema(String subject, Schema schema) {}

    /** A client for the registry in {@code config}. Close it to release its HTTP client. */
    public SchemaRegistryClient(AvroSerdeConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A client configured from Kafka client properties; see {@link AvroSerdeConfig}. */
    public static SchemaRegistryClient create(Map<String, ?> configs) {
        return new SchemaRegistryClient(AvroSerdeConfig.from(configs));
    }

    /**
     * Registers {@code schema} under {@code subject}, {@code POST /subjects/{subject}/versions}: a no-op returning the
     * existing id if it already is registered. The registry checks the subject's compatibility rule first.
     *
     * @return the schema's id, the one written into the wire format
     * @throws SchemaRegistryException if the registry refuses, e.g. HTTP 409 for a breaking change
     */
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema), subject);
        int id = requireInt(answer, "id", "POST /subjects/" + subject + "/versions");
        remember(key, id);
        return id;
    }

    /**
     * The id of {@code schema} if it is already registered under {@code subject}, {@code POST /subjects/{subject}}.
     *
     * @throws SchemaRegistryException {@linkplain SchemaRegistryException#isNotFound() not found} if it is not
     *     registered there (or the subject does not exist)
     */
    public int lookUp(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("POST", "/subjects/" + encode(subject), schemaBody(schema), subject);
        int id = requireInt(answer, "id", "POST /subjects/" + subject);
        remember(key, id);
        return id;
    }

    /**
     * The schema with this id, {@code GET /schemas/ids/{id}}.
     *
     * @throws SchemaRegistryException {@linkplain SchemaRegistryException#isNotFound() not found} if the registry knows
     *     no schema with this id
     */
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        String request = "GET /schemas/ids/" + id;
        JsonNode answer = send("GET", "/schemas/ids/" + id, null, "schema id " + id);
        String type = answer.path("schemaType").asText("AVRO");
        if (!type.equalsIgnoreCase("AVRO")) {
            throw failure(request, "schema id " + id, "is a " + type + " schema, not Avro");
        }
        String text = requireText(answer, "schema", request);
        Schema schema;
        try {
            schema = new Schema.Parser().parse(text);
        } catch (SchemaParseException e) {
            throw failure(request, "schema id " + id, "returned a schema Avro cannot parse: " + e.getMessage());
        }
        Schema previous = schemasById.putIfAbsent(id, schema);
        return previous != null ? previous : schema;
    }

    /**
     * Sets a subject's compatibility rule, {@code PUT /config/{subject}}: {@code BACKWARD}, {@code
     * BACKWARD_TRANSITIVE}, {@code FORWARD}, {@code FORWARD_TRANSITIVE}, {@code FULL}, {@code FULL_TRANSITIVE} or
     * {@code NONE}.
     *
     * @return the level the registry now reports
     */
    public String setCompatibility(String subject, String level) {
        ObjectNode body = JSON.createObjectNode().put("compatibility", level.toUpperCase(Locale.ROOT));
        JsonNode answer = send("PUT", "/config/" + encode(subject), body, subject);
        return requireText(answer, "compatibility", "PUT /config/" + subject);
    }

    /** Every subject the registry knows, {@code GET /subjects}. */
    public List<String> subjects() {
        JsonNode answer = send("GET", "/subjects", null, "all subjects");
        if (!answer.isArray()) {
            throw failure("GET /subjects", "all subjects", "did not answer with a JSON array");
        }
        List<String> subjects = new ArrayList<>();
        answer.forEach(node -> subjects.add(node.asText()));
        return subjects;
    }

    /** The configuration this client uses (credentials redacted in its {@code toString}). */
    public AvroSerdeConfig config() {
        return config;
    }

    @Override
    public void close() {
        http.close();
    }

    /** "schema registry" and its URLs, never credentials: how error messages name the registry. */
    @Override
    public String toString() {
        return "schema registry " + config.registryUrls();
    }

    private void remember(SubjectSchema key, int id) {
        idsBySubjectSchema.putIfAbsent(key, id);
        // The id means this schema everywhere; a consumer in the same process needs no round trip to read it back.
        schemasById.putIfAbsent(id, key.schema());
    }

    private static ObjectNode schemaBody(Schema schema) {
        // schemaType defaults to AVRO and is omitted: older registries reject the field.
        return JSON.createObjectNode().put("schema", schema.toString());
    }

    /** Sends one request, trying each configured URL in turn while they cannot be reached. */
    private JsonNode send(String method, String path, JsonNode body, String about) {
        String request = method + " " + decode(path);
        IOException lastFailure = null;
        for (URI base : config.registryUrls()) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(config.requestTimeout())
                    .header("Accept", ACCEPT);
            if (config.credentials() != null) {
                builder.header("Authorization", config.credentials().authorizationHeader());
            }
            if (body == null) {
                builder.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                builder.header("Content-Type", CONTENT_TYPE)
                        .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
            }
            HttpResponse<String> response;
            try {
                response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                lastFailure = e;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SerializationException(
                        redact("Interrupted while calling schema registry " + base + ": " + request), e);
            }
            return parse(base, request, about, response);
        }
        String cause = lastFailure == null
                ? "no response"
                : lastFailure.getClass().getSimpleName()
                        + (lastFailure.getMessage() == null ? "" : ": " + lastFailure.getMessage());
        // The IOException is not attached as the cause: its message may carry details we have not vetted.
        throw new SerializationException(redact("Schema registry " + config.registryUrls()
                + " could not be reached for " + request + " (" + about + "): " + cause));
    }

    private JsonNode parse(URI base, String request, String about, HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode json = null;
        try {
            json = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            // Handled below: an error status is reported with its raw text, a success without JSON is a failure.
        }
        if (status / 100 == 2) {
            if (json == null) {
                throw new SerializationException(redact("Schema registry " + base + " answered " + request + " ("
                        + about + ") with HTTP " + status + " but no JSON body"));
            }
            return json;
        }
        String registryMessage =
                json != null && json.hasNonNull("message") ? json.get("message").asText() : abbreviate(response.body());
        int errorCode = json != null && json.path("error_code").canConvertToInt()
                ? json.get("error_code").intValue()
                : -1;
        throw new SchemaRegistryException(
                redact("Schema registry " + base + " rejected " + request + " (" + about + "): HTTP " + status
                        + (errorCode == -1 ? "" : " (error_code " + errorCode + ")") + ": " + registryMessage
                        + hint(status)),
                status,
                errorCode);
    }

    private static String hint(int status) {
        return switch (status) {
            case 401, 403 -> " [check basic.auth.credentials.source / basic.auth.user.info]";
            case 409 -> " [the schema breaks the subject's compatibility rule: see docs/adr/0004]";
            default -> "";
        };
    }

    private SerializationException failure(String request, String about, String problem) {
        return new SerializationException(
                redact("Schema registry " + config.registryUrls() + " " + request + " (" + about + ") " + problem));
    }

    private int requireInt(JsonNode answer, String field, String request) {
        JsonNode node = answer.get(field);
        if (node == null || !node.canConvertToInt()) {
            throw failure(request, "answer", "has no integer \"" + field + "\"");
        }
        return node.intValue();
    }

    private String requireText(JsonNode answer, String field, String request) {
        JsonNode node = answer.get(field);
        if (node == null || !node.isTextual()) {
            throw failure(request, "answer", "has no text \"" + field + "\"");
        }
        return node.asText();
    }

    private String redact(String message) {
        return config.credentials() == null ? message : config.credentials().redact(message);
    }

    private static String abbreviate(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String path) {
        return java.net.URLDecoder.decode(path, StandardCharsets.UTF_8);
    }
}
