package io.bankflow.avroserde;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigException;

/**
 * Configuration of the serde, read from plain Kafka client properties with Confluent's key names, so the same
 * properties work with Confluent's serializer and with this one.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #SCHEMA_REGISTRY_URL}</td><td>(required)</td><td>base URL of the Confluent-compatible API, e.g.
 *       {@code http://127.0.0.1:18681/apis/ccompat/v7}; a comma-separated list is tried in order</td></tr>
 *   <tr><td>{@value #AUTO_REGISTER_SCHEMAS}</td><td>true</td><td>serializer registers the record's schema; when
 *       false it only looks the schema up and fails if it is not registered</td></tr>
 *   <tr><td>{@value #BASIC_AUTH_CREDENTIALS_SOURCE}</td><td>URL, or USER_INFO when {@value #BASIC_AUTH_USER_INFO} is
 *       set</td><td>{@code USER_INFO}: credentials from {@value #BASIC_AUTH_USER_INFO}; {@code URL}: from the URL's
 *       user info ({@code http://user:password@host/...})</td></tr>
 *   <tr><td>{@value #BASIC_AUTH_USER_INFO}</td><td>none</td><td>{@code user:password} (Confluent's older
 *       {@value #SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO} is accepted too)</td></tr>
 *   <tr><td>{@value #VALUE_SUBJECT_NAME_STRATEGY}, {@value #KEY_SUBJECT_NAME_STRATEGY}</td><td>TopicNameStrategy</td>
 *       <td>see {@link SubjectNameStrategy}; Confluent's class names are accepted</td></tr>
 *   <tr><td>{@value #HTTP_CONNECT_TIMEOUT_MS}, {@value #HTTP_READ_TIMEOUT_MS}</td><td>10000, 30000</td><td>registry
 *       call timeouts (Confluent's client keys; also accepted with the {@code schema.registry.} prefix)</td></tr>
 * </table>
 *
 * <p>Keys this serde does not know are ignored, as Kafka does, so a whole producer or consumer configuration can be
 * passed. {@link #toString()} never shows credentials.
 *
 * @param registryUrls registry base URLs without user info and without a trailing slash
 * @param autoRegisterSchemas whether the serializer registers schemas
 * @param credentials basic credentials, or {@code null} for none
 * @param keySubjectNameStrategy subject strategy for keys
 * @param valueSubjectNameStrategy subject strategy for values
 * @param connectTimeout time allowed to connect to the registry
 * @param requestTimeout time allowed for one registry request once connected
 */
public record AvroSerdeConfig(
        List<URI> registryUrls,
        boolean autoRegisterSchemas,
        BasicCredentials credentials,
        SubjectNameStrategy keySubjectNameStrategy,
        SubjectNameStrategy valueSubjectNameStrategy,
        Duration connectTimeout,
        Duration requestTimeout) {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String HTTP_CONNECT_TIMEOUT_MS = "srclient.http.connect.timeout.ms";
    public static final String HTTP_READ_TIMEOUT_MS = "srclient.http.read.timeout.ms";

    private static final String PREFIX = "schema.registry.";
    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public AvroSerdeConfig {
        registryUrls = List.copyOf(registryUrls);
        if (registryUrls.isEmpty()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, "", "at least one registry URL is required");
        }
        Objects.requireNonNull(keySubjectNameStrategy, "keySubjectNameStrategy");
        Objects.requireNonNull(valueSubjectNameStrategy, "valueSubjectNameStrategy");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** A configuration with defaults for everything but the URL (comma-separated URLs allowed). */
    public static AvroSerdeConfig of(String schemaRegistryUrl) {
        return from(Map.of(SCHEMA_REGISTRY_URL, schemaRegistryUrl));
    }

    /**
     * Reads the configuration from Kafka client properties.
     *
     * @throws ConfigException naming the key, when a value is missing or wrong (never echoing a credential)
     */
    public static AvroSerdeConfig from(Map<String, ?> configs) {
        List<String> rawUrls = urls(configs.get(SCHEMA_REGISTRY_URL));
        if (rawUrls.isEmpty()) {
            throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL
                    + "\": the base URL of a Confluent-compatible schema registry API"
                    + " (for Apicurio: http://<host>:<port>/apis/ccompat/v7)");
        }
        List<URI> urls = new ArrayList<>();
        String urlUserInfo = null;
        for (String raw : rawUrls) {
            URI uri = parseUrl(raw);
            if (uri.getRawUserInfo() != null && urlUserInfo == null) {
                urlUserInfo = URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
            }
            urls.add(withoutUserInfo(uri));
        }

        Object userInfoValue = configs.containsKey(BASIC_AUTH_USER_INFO)
                ? configs.get(BASIC_AUTH_USER_INFO)
                : configs.get(SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO);
        String userInfo =
                userInfoValue == null || String.valueOf(userInfoValue).isBlank() ? null : String.valueOf(userInfoValue);
        Object sourceValue = configs.get(BASIC_AUTH_CREDENTIALS_SOURCE);
        // Confluent defaults to URL; user info configured without a source can only mean USER_INFO.
        String source = sourceValue == null || String.valueOf(sourceValue).isBlank()
                ? (userInfo != null ? "USER_INFO" : "URL")
                : String.valueOf(sourceValue).trim().toUpperCase(Locale.ROOT);
        BasicCredentials credentials = switch (source) {
            case "USER_INFO" -> {
                if (userInfo == null) {
                    throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE + " is USER_INFO but "
                            + BASIC_AUTH_USER_INFO + " is not set");
                }
                yield credentials(userInfo, BASIC_AUTH_USER_INFO);
            }
            case "URL" -> urlUserInfo == null ? null : credentials(urlUserInfo, SCHEMA_REGISTRY_URL);
            default ->
                throw new ConfigException(
                        BASIC_AUTH_CREDENTIALS_SOURCE,
                        source,
                        "supported: USER_INFO, URL (SASL_INHERIT is not supported by this serde)");
        };

        return new AvroSerdeConfig(
                urls,
                bool(configs, AUTO_REGISTER_SCHEMAS, true),
                credentials,
                strategy(configs, KEY_SUBJECT_NAME_STRATEGY),
                strategy(configs, VALUE_SUBJECT_NAME_STRATEGY),
                millis(configs, HTTP_CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT),
                millis(configs, HTTP_READ_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT));
    }

    /** The subject strategy for keys or values. */
    public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        return isKey ? keySubjectNameStrategy : valueSubjectNameStrategy;
    }

    @Override
    public String toString() {
        return "AvroSerdeConfig[registryUrls=" + registryUrls
                + ", autoRegisterSchemas=" + autoRegisterSchemas
                + ", credentials=" + (credentials == null ? "none" : credentials)
                + ", keySubjectNameStrategy=" + keySubjectNameStrategy
                + ", valueSubjectNameStrategy=" + valueSubjectNameStrategy
                + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + "]";
    }

    private static List<String> urls(Object value) {
        List<String> urls = new ArrayList<>();
        if (value instanceof Collection<?> many) {
            many.forEach(v -> urls.addAll(urls(v)));
        } else if (value != null) {
            for (String part : String.valueOf(value).split(",")) {
                if (!part.isBlank()) {
                    urls.add(part.trim());
                }
            }
        }
        return urls;
    }

    private static URI parseUrl(String raw) {
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, "(not shown: may contain credentials)", "not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new ConfigException(
                    SCHEMA_REGISTRY_URL, withoutUserInfoText(uri), "must be an absolute http or https URL");
        }
        return uri;
    }

    private static URI withoutUserInfo(URI uri) {
        try {
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            return new URI(uri.getScheme() + "://" + hostAndPort(uri) + path);
        } catch (URISyntaxException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, withoutUserInfoText(uri), "not a valid URL");
        }
    }

    private static String withoutUserInfoText(URI uri) {
        return uri.getScheme() + "://" + hostAndPort(uri) + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static String hostAndPort(URI uri) {
        return uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private static BasicCredentials credentials(String userInfo, String key) {
        try {
            return BasicCredentials.parse(userInfo);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, "(not shown)", e.getMessage());
        }
    }

    private static boolean bool(Map<String, ?> configs, String key, boolean defaultValue) {
        Object value = configs.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = String.valueOf(value).trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new ConfigException(key, value, "must be true or false");
    }

    private static SubjectNameStrategy strategy(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        return value == null ? SubjectNameStrategy.TOPIC_NAME : SubjectNameStrategy.parse(value, key);
    }

    private static Duration millis(Map<String, ?> configs, String key, Duration defaultValue) {
        Object value = configs.containsKey(key) ? configs.get(key) : configs.get(PREFIX + key);
        if (value == null) {
            return defaultValue;
        }
        try {
            long millis = value instanceof Number n
                    ? n.longValue()
                    : Long.parseLong(String.valueOf(value).trim());
            if (millis <= 0) {
                throw new ConfigException(key, value, "must be a positive number of milliseconds");
            }
            return Duration.ofMillis(millis);
        } catch (NumberFormatException e) {
            throw new ConfigException(key, value, "must be a positive number of milliseconds");
        }
    }
}
