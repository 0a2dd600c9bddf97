package io.bankflow.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;

class DatabaseExtensionIT {

    /** Filled by {@link UsesADatabase} while it runs under the test kit. */
    static final List<TestDatabase> seen = new ArrayList<>();

    @Test
    void givesATestClassOneDatabaseAndDropsItAfterTheClass() throws SQLException {
        seen.clear();

        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(UsesADatabase.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(2).failed(0));

        assertThat(seen).hasSize(3).allSatisfy(database -> assertThat(database).isEqualTo(seen.getFirst()));
        assertThat(seen.getFirst().name()).startsWith("t_usesadatabase_");
        assertThat(exists(seen.getFirst())).as("dropped after the class").isFalse();
    }

    private static boolean exists(TestDatabase database) throws SQLException {
        try (Connection admin = TestPostgres.server().admin();
                PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database.name());
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Run by the test kit above, not directly: the nested name keeps failsafe from picking it up on its own. */
    @ExtendWith(TestDatabaseExtension.class)
    static class UsesADatabase {

        UsesADatabase(TestDatabase database) {
            seen.add(database);
        }

        @Test
        void connects(TestDatabase database) throws SQLException {
            seen.add(database);
            try (Connection connection = database.connect()) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }

        @Test
        void connectsAgain() throws SQLException {
            try (Connection connection = seen.getFirst().connect()) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
    }
}
