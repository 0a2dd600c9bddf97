package io.bankflow.testinfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A throwaway PostgreSQL database created by {@link TestPostgres#createDatabase(String)}. Owned by {@code user}, empty
 * (created from {@code template0}, UTF-8, C collation), dropped by {@link #close()}.
 *
 * @param name the database name, {@code t_<hint>_<random>}
 * @param jdbcUrl JDBC URL of this database, without credentials
 * @param user user owning the database
 * @param password that user's password (often empty: trust authentication)
 */
public record TestDatabase(String name, String jdbcUrl, String user, String password) implements AutoCloseable {

    /** A new connection to this database; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /**
     * Drops the database, terminating any connection still open to it. Called by Spring when the test context closes
     * and by {@link TestDatabaseExtension} after the test class; idempotent.
     */
    @Override
    public void close() {
        TestPostgres.drop(this);
    }

    /** Never prints the password: test reports and logs must not carry secrets. */
    @Override
    public String toString() {
        return "TestDatabase[name=" + name + ", jdbcUrl=" + jdbcUrl + ", user=" + user + ", password="
                + (password.isEmpty() ? "" : "****") + "]";
    }
}
