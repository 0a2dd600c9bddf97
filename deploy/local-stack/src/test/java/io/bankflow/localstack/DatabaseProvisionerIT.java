package io.bankflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real PostgreSQL: the embedded one this module starts when a machine has none. */
class DatabaseProvisionerIT {

    @TempDir
    static Path dataDir;

    private static EmbeddedPostgres postgres;
    private static String adminUrl;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgresServer.start(0, dataDir, Optional.empty());
        adminUrl = EmbeddedPostgresServer.adminUrl(postgres.getPort());
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void givesEachServiceItsOwnDatabaseOwnedByItsOwnRole() throws Exception {
        try (Connection admin = DriverManager.getConnection(adminUrl)) {
            DatabaseProvisioner.provision(admin, DatabaseProvisioner.SERVICE_DATABASES);

            for (String name : DatabaseProvisioner.SERVICE_DATABASES) {
                assertThat(query(
                                admin,
                                "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '" + name + "'"))
                        .isEqualTo(name);
                assertThat(query(
                                admin,
                                "SELECT rolcanlogin AND NOT rolsuper AND NOT rolcreatedb FROM pg_roles"
                                        + " WHERE rolname = '" + name + "'"))
                        .isEqualTo("t");
                assertThat(query(admin, "SELECT has_database_privilege('public', '" + name + "', 'CONNECT')"))
                        .isEqualTo("f");
            }
        }
    }

    @Test
    void reportsWhatItCreated() throws Exception {
        try (Connection admin = DriverManager.getConnection(adminUrl)) {
            assertThat(DatabaseProvisioner.provision(admin, List.of("bankflow_fresh")))
                    .containsExactly("bankflow_fresh: role created, database created");
        }
    }

    @Test
    void aServiceCanWorkInItsOwnDatabaseButCannotConnectToAnothers() throws Exception {
        try (Connection admin = DriverManager.getConnection(adminUrl)) {
            DatabaseProvisioner.provision(admin, DatabaseProvisioner.SERVICE_DATABASES);
        }
        try (Connection own = DriverManager.getConnection(url("bankflow_sync", "bankflow_sync"));
                Statement statement = own.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS sync_job (id bigint PRIMARY KEY)");
        }

        assertThatThrownBy(() -> DriverManager.getConnection(url("bankflow_sync", "bankflow_reconciliation"))
                        .close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied for database \"bankflow_sync\"");
    }

    @Test
    void runningAgainChangesNothingAndReportsWhatIsThere() throws Exception {
        try (Connection admin = DriverManager.getConnection(adminUrl)) {
            DatabaseProvisioner.provision(admin, DatabaseProvisioner.SERVICE_DATABASES);

            List<String> second = DatabaseProvisioner.provision(admin, DatabaseProvisioner.SERVICE_DATABASES);

            assertThat(second)
                    .containsExactly(DatabaseProvisioner.SERVICE_DATABASES.stream()
                            .map(name -> name + ": present")
                            .toArray(String[]::new));
            assertThat(query(admin, "SELECT count(*) FROM pg_database WHERE datname LIKE 'bankflow\\_%'"))
                    .isEqualTo("6");
        }
    }

    @Test
    void refusesNamesThatAreNotPlainIdentifiers() {
        assertThatThrownBy(() -> DatabaseProvisioner.checkedIdentifier("x; DROP DATABASE postgres"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DatabaseProvisioner.checkedIdentifier("bankflow_sync")).isEqualTo("bankflow_sync");
    }

    private static String url(String database, String user) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database + "?user=" + user;
    }

    private static String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as("a row for: %s", sql).isTrue();
            return rows.getString(1);
        }
    }
}
