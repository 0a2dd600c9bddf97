package io.bankflow.testinfra.sampleapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.bankflow.testinfra.ServiceIntegrationTest;
import io.bankflow.testinfra.TestDatabase;
import io.bankflow.testinfra.TestServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

@ServiceIntegrationTest(servers = TestServer.POSTGRES, properties = "spring.datasource.hikari.maximum-pool-size=3")
class DatabaseOnlyServiceIntegrationTestIT {

    @Autowired
    TestDatabase database;

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    @Test
    void wiresOnlyTheServersAskedFor() {
        assertThat(jdbc.queryForObject("SELECT current_database()", String.class))
                .isEqualTo(database.name());
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("127.0.0.1:1");
        assertThat(environment.getProperty("spring.kafka.properties.schema.registry.url"))
                .isEqualTo("http://127.0.0.1:1/not-the-test-registry");
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                .isNull();
    }

    @Test
    void poolDefaultsApplyUnlessTheTestOrServiceSetsItsOwn() {
        assertThat(dataSource.getMaximumPoolSize()).as("set by the test").isEqualTo(3);
        assertThat(dataSource.getMinimumIdle())
                .as("test infrastructure default")
                .isZero();
    }
}
