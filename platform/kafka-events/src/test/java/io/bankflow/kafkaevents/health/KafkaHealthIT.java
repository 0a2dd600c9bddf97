package io.bankflow.kafkaevents.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.kafkaevents.testapp.EventsTestApplication;
import io.bankflow.testinfra.ServiceIntegrationTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;

@ServiceIntegrationTest(classes = EventsTestApplication.class)
class KafkaHealthIT {

    @Autowired
    HealthContributorRegistry healthContributors;

    @Test
    void reportsTheTestBrokerUpUnderTheNameKafkaWithClusterDetails() {
        HealthContributor contributor = healthContributors.getContributor("kafka");

        assertThat(contributor).isInstanceOf(KafkaHealthIndicator.class);
        Health health = ((KafkaHealthIndicator) contributor).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("nodes", 1).containsKey("clusterId");
        assertThat(health.getDetails().get("clusterId")).asString().isNotBlank();
    }

    @Test
    void reportsDownWithinItsTimeoutWhenNoBrokerAnswers() throws IOException {
        KafkaHealthIndicator indicator = new KafkaHealthIndicator(
                Map.of("bootstrap.servers", "127.0.0.1:" + unusedPort()), Duration.ofMillis(500));
        try {
            long started = System.nanoTime();
            Health first = indicator.health();
            Health second = indicator.health();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(first.getStatus()).isEqualTo(Status.DOWN);
            assertThat(second.getStatus()).isEqualTo(Status.DOWN);
            assertThat(first.getDetails()).containsKey("error");
            assertThat(took).isLessThan(Duration.ofSeconds(3));
        } finally {
            indicator.destroy();
        }
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
