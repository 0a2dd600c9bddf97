package io.bankflow.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gives every service its own database, owned by a login role of the same name, that no other role may connect to
 * (DESIGN.md section 2: no service reads another's tables). Safe to run any number of times, also concurrently.
 *
 * <pre>
 * DatabaseProvisioner --admin-url jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres [--wait-seconds 30]
 * DatabaseProvisioner --admin-url ... --probe     exit status 0 when the server answers, 1 otherwise; changes nothing
 * </pre>
 */
public final class DatabaseProvisioner {

    /** One database per service that keeps data (CONTEXT-FOR-CONTRIBUTORS.md); the gateway has none. */
    public static final List<String> SERVICE_DATABASES = List.of(
            "bankflow_connection",
            "bankflow_token_vault",
            "bankflow_sync",
            "bankflow_reconciliation",
            "bankflow_cashflow",
            "bankflow_webhook_ingest");

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_OBJECT = "42710";
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String USAGE =
            "usage: DatabaseProvisioner --admin-url <jdbc url of a superuser> [--wait-seconds <n>] [--probe]";

    private DatabaseProvisioner() {}

    public static void main(String[] args) {
        Cli cli;
        try {
            cli = Cli.parse(args, Set.of("probe"));
            cli.required("admin-url");
        } catch (Cli.UsageException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        String adminUrl = cli.required("admin-url");
        if (cli.flag("probe")) {
            try (Connection ignored = connect(adminUrl, 3)) {
                System.exit(0);
            } catch (SQLException e) {
                System.err.println("no PostgreSQL at " + adminUrl + ": " + e.getMessage());
                System.exit(1);
            }
            return;
        }
        try (Connection admin = awaitConnection(adminUrl, cli.seconds("wait-seconds", 30))) {
            for (String line : provision(admin, SERVICE_DATABASES)) {
                System.out.println(line);
            }
        } catch (SQLException e) {
            System.err.println("could not provision the service databases at " + adminUrl + ": " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Creates what is missing and tightens what exists: role (LOGIN), database owned by the role, CONNECT and TEMPORARY
     * revoked from PUBLIC. Returns one line per database saying what was done.
     */
    public static List<String> provision(Connection admin, List<String> databases) throws SQLException {
        admin.setAutoCommit(true); // CREATE DATABASE cannot run inside a transaction
        List<String> report = new ArrayList<>();
        for (String database : databases) {
            String name = checkedIdentifier(database);
            List<String> done = new ArrayList<>();
            if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)
                    && execute(admin, "CREATE ROLE " + name + " LOGIN", DUPLICATE_OBJECT)) {
                done.add("role created");
            }
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", name)
                    && execute(admin, "CREATE DATABASE " + name + " OWNER " + name, DUPLICATE_DATABASE)) {
                done.add("database created");
            }
            execute(admin, "ALTER DATABASE " + name + " OWNER TO " + name);
            execute(admin, "REVOKE CONNECT, TEMPORARY ON DATABASE " + name + " FROM PUBLIC");
            report.add(name + ": " + (done.isEmpty() ? "present" : String.join(", ", done)));
        }
        return report;
    }

    static Connection awaitConnection(String url, Duration wait) throws SQLException {
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            try {
                return connect(url, 5);
            } catch (SQLException e) {
                // 57P03: the server is starting up; 08xxx: nothing listens yet.
                boolean transientFailure =
                        e.getSQLState() == null || e.getSQLState().startsWith("08") || "57P03".equals(e.getSQLState());
                if (!transientFailure || Instant.now().isAfter(deadline)) {
                    throw e;
                }
            }
            try {
                Thread.sleep(500); // poll interval while the server starts, not a wait for readiness
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for " + url, e);
            }
        }
    }

    private static Connection connect(String url, int timeoutSeconds) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
        properties.setProperty("loginTimeout", Integer.toString(timeoutSeconds));
        properties.setProperty("ApplicationName", "bankflow-local-stack");
        return DriverManager.getConnection(url, properties);
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * Runs a statement; returns false when it failed only because a concurrent run created the same object first.
     */
    private static boolean execute(Connection connection, String sql, String... alreadyThereStates)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return true;
        } catch (SQLException e) {
            // CREATE ROLE/DATABASE racing with another run can also surface as a unique violation on the catalog.
            if (alreadyThereStates.length > 0
                    && (List.of(alreadyThereStates).contains(e.getSQLState())
                            || UNIQUE_VIOLATION.equals(e.getSQLState()))) {
                return false;
            }
            throw e;
        }
    }

    /** Names go into DDL unquoted, so only plain lower-case identifiers are accepted. */
    static String checkedIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case identifier: " + name);
        }
        return name;
    }
}
