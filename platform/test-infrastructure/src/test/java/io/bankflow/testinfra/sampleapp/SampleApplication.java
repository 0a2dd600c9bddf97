package io.bankflow.testinfra.sampleapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The smallest service shape: web, JDBC and Kafka, configured like a Bankflow service (see application.yml). */
@SpringBootApplication
class SampleApplication {

    @RestController
    static class DatabaseController {

        private final JdbcTemplate jdbc;

        DatabaseController(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @GetMapping("/database")
        String currentDatabase() {
            return jdbc.queryForObject("SELECT current_database()", String.class);
        }
    }
}
