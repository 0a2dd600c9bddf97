package io.bankflow.kafkaevents.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bankflow.events.sync.SyncRequested;
import io.bankflow.kafkaevents.testapp.EventsTestApplication;
import io.bankflow.kafkaevents.testapp.OpenAccount;
import io.bankflow.kafkaevents.testapp.TopicRecorder;
import io.bankflow.testinfra.TestDatabase;
import io.bankflow.testinfra.TestKafka;
import io.bankflow.testinfra.TestPostgres;
import io.bankflow.testinfra.TestRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service runs while Kafka is away, stops, and starts again once Kafka is back: every event appended meanwhile is
 * published, in order per key. Two application contexts on one database, so this test wires the servers itself
 * instead of using {@code @ServiceIntegrationTest} (which gives every context a database of its own).
 */
class OutboxBrokerOutageIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private final String topic = "kafka-events-it.outage." + UUID.randomUUID();

    @Test
    void publishesEverythingAppendedWhileKafkaWasAwayOnceItIsBackInOrderPerKey() throws IOException {
        try (TestDatabase database = TestPostgres.createDatabase("outbox-outage")) {
            try (ConfigurableApplicationContext service = start(database, "127.0.0.1:" + unusedPort())) {
                OpenAccount openAccount = service.getBean(OpenAccount.class);
                openAccount.appendAll(topic, "acct-1", "one", "two");
                openAccount.appendAll(topic, "acct-2", "only");
                openAccount.appendAll(topic, "acct-1", "three");

                MeterRegistry meters = service.getBean(MeterRegistry.class);
                await().atMost(WITHIN).untilAsserted(() -> {
                    assertThat(failures(meters)).isGreaterThanOrEqualTo(2);
                    assertThat(gauge(meters, OutboxMetrics.PENDING)).isEqualTo(4);
                    assertThat(gauge(meters, OutboxMetrics.OLDEST_PENDING_AGE)).isPositive();
                });
                JdbcClient jdbc = service.getBean(JdbcClient.class);
                assertThat(jdbc.sql("SELECT count(*) FROM event_outbox WHERE published_at IS NULL")
                                .query(Long.class)
                                .single())
                        .isEqualTo(4);
                assertThat(jdbc.sql("SELECT max(attempts) FROM event_outbox")
                                .query(Integer.class)
                                .single())
                        .isPositive();
                assertThat(kafkaHealth(service)).isEqualTo(Status.DOWN);
            }

            try (ConfigurableApplicationContext service = start(database, TestKafka.bootstrapServers());
                    TopicRecorder recorder = new TopicRecorder(topic)) {
                List<ConsumerRecord<String, byte[]>> records = recorder.awaitCount(4, WITHIN);

                Map<String, List<String>> labelsByKey = new LinkedHashMap<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    labelsByKey
                            .computeIfAbsent(record.key(), k -> new ArrayList<>())
                            .add(recorder.<SyncRequested>decode(record).getRequestedBy());
                }
                assertThat(labelsByKey)
                        .containsOnlyKeys("acct-1", "acct-2")
                        .containsEntry("acct-1", List.of("one", "two", "three"))
                        .containsEntry("acct-2", List.of("only"));
                JdbcClient jdbc = service.getBean(JdbcClient.class);
                await().atMost(WITHIN)
                        .untilAsserted(() -> assertThat(
                                        jdbc.sql("SELECT count(*) FROM event_outbox WHERE published_at IS NULL")
                                                .query(Long.class)
                                                .single())
                                .isZero());
                MeterRegistry meters = service.getBean(MeterRegistry.class);
                await().atMost(WITHIN)
                        .untilAsserted(() ->
                                assertThat(gauge(meters, OutboxMetrics.PENDING)).isZero());
                assertThat(kafkaHealth(service)).isEqualTo(Status.UP);
            }
        }
    }

    private static ConfigurableApplicationContext start(TestDatabase database, String bootstrapServers) {
        return new SpringApplicationBuilder(EventsTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(Map.of(
                        "spring.datasource.url", database.jdbcUrl(),
                        "spring.datasource.username", database.user(),
                        "spring.datasource.password", database.password(),
                        "spring.kafka.bootstrap-servers", bootstrapServers,
                        "spring.kafka.properties.schema.registry.url", TestRegistry.ccompatUrl(),
                        // This test is about publishing; the test service's listener would only add noise.
                        "test.listener.auto-startup", "false"))
                .run();
    }

    private static Status kafkaHealth(ConfigurableApplicationContext service) {
        return service.getBean("kafkaHealthIndicator", HealthIndicator.class)
                .health()
                .getStatus();
    }

    private double failures(MeterRegistry meters) {
        Counter counter =
                meters.find(OutboxMetrics.PUBLISH_FAILURES).tag("topic", topic).counter();
        return counter == null ? 0 : counter.count();
    }

    private static double gauge(MeterRegistry meters, String name) {
        Gauge gauge = meters.find(name).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    private static int unusedPort() throws IOException {
        // Nothing listens there once the socket is closed: a broker address that refuses every connection.
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
