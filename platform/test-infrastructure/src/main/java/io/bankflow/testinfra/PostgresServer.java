package io.bankflow.testinfra;

import io.bankflow.testinfra.TestServersSettings.PostgresMode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PostgreSQL server that test databases are created on, reached through an admin connection: the configured one,
 * the local one, or an embedded one owned by this object. {@link TestPostgres} keeps one per JVM.
 */
final class PostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    /** Marks databases this class created, with their creation time, so cleanup never touches anything else. */
    private static final String COMMENT_PREFIX = "bankflow-test created=";

    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*)(?:/([^?]*))?(?:\\?(.*))?$");

    private final String description;
    private final String adminUrl;
    private final String user;
    private final String password;
    private final @Nullable EmbeddedPostgres embedded;

    private PostgresServer(
            String description, String adminUrl, String user, String password, @Nullable EmbeddedPostgres embedded) {
        this.description = description;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /** Chooses and, if embedded, starts the server the settings ask for (see {@link PostgresMode}). */
    static PostgresServer select(TestServersSettings settings) {
        PostgresMode mode = settings.postgresMode();
        if (mode == PostgresMode.EMBEDDED) {
            return startEmbedded("forced by bankflow.test.pg=embedded");
        }
        String configured = settings.postgresAdminUrl();
        if (configured != null) {
            // Explicit configuration never falls back: a typo should fail, not silently test against something else.
            PostgresServer server = fromUrl("BANKFLOW_TEST_PG_URL", configured, settings);
            server.requireReachable();
            return server;
        }
        PostgresServer local = fromUrl("local server", settings.localPostgresUrl(), settings);
        if (mode == PostgresMode.SERVER) {
            local.requireReachable();
            return local;
        }
        try (Connection ignored = local.admin()) {
            return local;
        } catch (SQLException e) {
            return startEmbedded(
                    "no server answered at " + local.adminUrl + " as " + local.user + " (" + e.getMessage() + ")");
        }
    }

    TestDatabase createDatabase(String hint) {
        String name = DatabaseNames.newName(hint);
        try (Connection admin = admin();
                Statement statement = admin.createStatement()) {
            // template0 + C locale: always empty, UTF-8 whatever the server's defaults, and nobody is ever connected
            // to template0, so concurrent CREATE DATABASE from parallel test JVMs never conflicts.
            statement.execute(
                    "CREATE DATABASE \"" + name + "\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
            statement.execute("COMMENT ON DATABASE \"" + name + "\" IS '" + COMMENT_PREFIX + Instant.now() + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name + " on " + description, e);
        }
        return new TestDatabase(name, withDatabase(adminUrl, name), user, password);
    }

    void dropDatabase(String name) {
        try (Connection admin = admin();
                Statement statement = admin.createStatement()) {
            // FORCE (PostgreSQL 13+) ends connections a pool may still hold.
            statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        } catch (SQLException e) {
            if (isServerGone(e)) {
                // The JVM is exiting and the embedded server went first: its data directory is deleted anyway.
                log.debug("Test database {} not dropped: {} is gone", name, description);
                return;
            }
            throw new IllegalStateException("Could not drop test database " + name + " on " + description, e);
        }
    }

    /**
     * Drops test databases created more than {@code maxAge} ago: a crashed or killed run never got to drop its own.
     * Only databases carrying this class's comment are considered, so a parallel run's databases (younger than
     * {@code maxAge}) and anybody else's are safe.
     */
    List<String> dropStaleDatabases(Duration maxAge) {
        Instant cutoff = Instant.now().minus(maxAge);
        List<String> stale = new ArrayList<>();
        try (Connection admin = admin();
                Statement statement = admin.createStatement();
                ResultSet rows = statement.executeQuery("SELECT datname, shobj_description(oid, 'pg_database')"
                        + " FROM pg_database WHERE datname LIKE 't\\_%'")) {
            while (rows.next()) {
                Instant created = createdAt(rows.getString(2));
                if (created != null && created.isBefore(cutoff)) {
                    stale.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list test databases on " + description, e);
        }
        stale.forEach(this::dropDatabase);
        if (!stale.isEmpty()) {
            log.info("Dropped {} stale test database(s) older than {} on {}", stale.size(), maxAge, description);
        }
        return stale;
    }

    /** A connection to the server's maintenance database as the admin user. */
    Connection admin() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("ApplicationName", "bankflow-test-infrastructure");
        return DriverManager.getConnection(adminUrl, properties);
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public String toString() {
        return description;
    }

    /** Stops the embedded server, if this object started one; a configured or local server is left alone. */
    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not stop " + description, e);
            }
        }
    }

    private void requireReachable() {
        try (Connection ignored = admin()) {
            log.debug("Using {}", description);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL (" + description + ") does not answer as user " + user + ": " + e.getMessage()
                            + ". Check BANKFLOW_TEST_PG_URL / _USER / _PASSWORD, or unset them to use the local"
                            + " server or an embedded one.",
                    e);
        }
    }

    private static PostgresServer fromUrl(String source, String url, TestServersSettings settings) {
        Properties parsed = Driver.parseURL(url, null);
        if (parsed == null) {
            throw new IllegalArgumentException(source + " is not a PostgreSQL JDBC URL: " + url);
        }
        String user = firstNonNull(settings.postgresUser(), parsed.getProperty("user"), "postgres");
        String password = firstNonNull(settings.postgresPassword(), parsed.getProperty("password"), "");
        String adminUrl = withDatabase(url, parsed.getProperty("PGDBNAME", "postgres"));
        return new PostgresServer(source + " " + adminUrl, adminUrl, user, password, null);
    }

    private static PostgresServer startEmbedded(String reason) {
        log.info("Starting an embedded PostgreSQL for this JVM: {}", reason);
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    // Durability is worthless for throwaway test data; these make DDL-heavy tests much faster.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    // Every cached Spring test context holds a connection pool.
                    .setServerConfig("max_connections", "300")
                    // TestPostgres stops it in its own shutdown hook, after which late drops are skipped quietly.
                    .setRegisterShutdownHook(false)
                    .start();
            String adminUrl = "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres";
            return new PostgresServer("embedded PostgreSQL " + adminUrl, adminUrl, "postgres", "", embedded);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an embedded PostgreSQL (" + reason + ")", e);
        }
    }

    /** The same server and options, another database; credentials are never part of the URL. */
    static String withDatabase(String url, String database) {
        Matcher matcher = JDBC_URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + url);
        }
        String query = matcher.group(3) == null
                ? ""
                : Pattern.compile("&")
                        .splitAsStream(matcher.group(3))
                        .filter(parameter -> !parameter.isEmpty())
                        .filter(parameter -> !parameter.startsWith("user=") && !parameter.startsWith("password="))
                        .collect(Collectors.joining("&"));
        return matcher.group(1) + "/" + database + (query.isEmpty() ? "" : "?" + query);
    }

    private static @Nullable Instant createdAt(@Nullable String comment) {
        if (comment == null || !comment.startsWith(COMMENT_PREFIX)) {
            return null;
        }
        try {
            return Instant.parse(comment.substring(COMMENT_PREFIX.length()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Connection failures (class 08) and shutdown (57P01..57P03): the server is not there to answer. */
    private static boolean isServerGone(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    private static String firstNonNull(@Nullable String first, @Nullable String second, String fallback) {
        return first != null ? first : second != null ? second : fallback;
    }
}
