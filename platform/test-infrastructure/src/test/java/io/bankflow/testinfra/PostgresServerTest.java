package io.bankflow.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void switchingDatabaseKeepsHostAndOptionsButNeverCarriesCredentials() {
        String url = "jdbc:postgresql://db.example:6432/admin?user=root&sslmode=require&password=secret";

        assertThat(PostgresServer.withDatabase(url, "t_x_1"))
                .isEqualTo("jdbc:postgresql://db.example:6432/t_x_1?sslmode=require");
    }

    @Test
    void switchingDatabaseWorksWithoutADatabaseOrOptionsInTheUrl() {
        assertThat(PostgresServer.withDatabase("jdbc:postgresql://h1:5432,h2:5433", "t_x_1"))
                .isEqualTo("jdbc:postgresql://h1:5432,h2:5433/t_x_1");
    }

    @Test
    void rejectsUrlsOfOtherDatabases() {
        assertThatThrownBy(() -> PostgresServer.withDatabase("jdbc:mysql://localhost/x", "t_x_1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:mysql://localhost/x");
    }
}
