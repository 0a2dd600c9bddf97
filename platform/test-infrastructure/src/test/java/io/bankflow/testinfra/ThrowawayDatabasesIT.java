package io.bankflow.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThrowawayDatabasesIT {

    @Test
    void eachCallGetsItsOwnEmptyDatabase() throws SQLException {
        try (TestDatabase first = TestPostgres.createDatabase("isolation");
                TestDatabase second = TestPostgres.createDatabase("isolation")) {
            execute(first, "CREATE TABLE accounts (id bigint PRIMARY KEY)");
            execute(first, "INSERT INTO accounts VALUES (1)");

            assertThat(first.name()).isNotEqualTo(second.name()).startsWith("t_isolation_");
            assertThat(tables(first)).containsExactly("accounts");
            assertThat(tables(second)).isEmpty();
        }
    }

    @Test
    void closingDropsTheDatabase() throws SQLException {
        TestDatabase database = TestPostgres.createDatabase("dropped");

        database.close();

        assertThat(databaseNames()).doesNotContain(database.name());
    }

    @Test
    void databasesAreUtf8WhateverTheServerDefaults() throws SQLException {
        try (TestDatabase database = TestPostgres.createDatabase("encoding");
                Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT 'Müller ✓'::text, current_setting('server_encoding')")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo("Müller ✓");
            assertThat(row.getString(2)).isEqualTo("UTF8");
        }
    }

    @Test
    void dropsStaleTestDatabasesButLeavesFreshAndForeignOnesAlone() throws SQLException {
        PostgresServer server = TestPostgres.server();
        String stale = DatabaseNames.newName("stale");
        String foreign = DatabaseNames.newName("foreign");
        try (Connection admin = server.admin();
                Statement statement = admin.createStatement();
                TestDatabase fresh = TestPostgres.createDatabase("fresh")) {
            statement.execute("CREATE DATABASE " + stale);
            statement.execute("COMMENT ON DATABASE " + stale + " IS 'bankflow-test created="
                    + Instant.now().minus(Duration.ofDays(2)) + "'");
            statement.execute("CREATE DATABASE " + foreign);
            try {
                List<String> dropped = server.dropStaleDatabases(Duration.ofHours(6));

                assertThat(dropped).contains(stale).doesNotContain(fresh.name(), foreign);
                assertThat(databaseNames()).doesNotContain(stale).contains(fresh.name(), foreign);
            } finally {
                statement.execute("DROP DATABASE IF EXISTS " + foreign);
            }
        }
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> tables(TestDatabase database) throws SQLException {
        return strings(database.connect(), "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    }

    private static List<String> databaseNames() throws SQLException {
        return strings(TestPostgres.server().admin(), "SELECT datname FROM pg_database");
    }

    private static List<String> strings(Connection connection, String query) throws SQLException {
        try (connection;
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
