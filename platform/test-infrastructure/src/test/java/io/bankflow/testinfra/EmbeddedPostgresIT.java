package io.bankflow.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bankflow.testinfra.TestServersSettings.PostgresMode;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedded fallback, for machines where no PostgreSQL runs. Uses servers of its own, not the JVM's shared one. */
class EmbeddedPostgresIT {

    @Test
    void embeddedServerServesDatabasesWhenForced() throws SQLException {
        TestServersSettings forced =
                TestServersSettings.from(Map.of("bankflow.test.pg", "embedded")::get, name -> null);

        try (PostgresServer server = PostgresServer.select(forced)) {
            TestDatabase database = TestPostgres.register(server, server.createDatabase("embedded"));
            try (Connection connection = database.connect();
                    Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery(
                            "SELECT current_database(), current_setting('server_version_num')::int")) {
                row.next();
                assertThat(server.isEmbedded()).isTrue();
                assertThat(row.getString(1)).isEqualTo(database.name());
                assertThat(row.getInt(2)).as("the pinned embedded binaries").isGreaterThanOrEqualTo(170000);
            }

            database.close();

            assertThat(server.dropStaleDatabases(Duration.ZERO)).isEmpty();
        }
    }

    @Test
    void fallsBackToEmbeddedWhenNoServerAnswers() throws IOException {
        TestServersSettings nothingLocal = settings(PostgresMode.AUTO, null, deadUrl());

        try (PostgresServer server = PostgresServer.select(nothingLocal)) {
            assertThat(server.isEmbedded()).isTrue();
        }
    }

    @Test
    void aConfiguredServerThatDoesNotAnswerFailsRatherThanFallingBack() throws IOException {
        TestServersSettings configured = settings(PostgresMode.AUTO, deadUrl(), TestServersSettings.LOCAL_POSTGRES_URL);

        assertThatThrownBy(() -> PostgresServer.select(configured))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BANKFLOW_TEST_PG_URL")
                .hasMessageContaining("does not answer");
    }

    private static TestServersSettings settings(PostgresMode mode, String adminUrl, String localUrl) {
        return new TestServersSettings(
                null,
                mode,
                adminUrl,
                null,
                null,
                localUrl,
                Duration.ofHours(6),
                null,
                null,
                Duration.ofSeconds(90),
                Duration.ofSeconds(90));
    }

    /** A port nobody listens on: bound once by the OS's choice, then released. */
    private static String deadUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "jdbc:postgresql://127.0.0.1:" + socket.getLocalPort() + "/postgres?user=postgres";
        }
    }
}
