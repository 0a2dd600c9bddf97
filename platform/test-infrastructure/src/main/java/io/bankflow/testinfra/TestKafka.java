package io.bankflow.testinfra;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker for tests: spring-kafka-test's in-process KRaft broker (one combined broker/controller node), one
 * per test JVM, started on first use on a random port and stopped at JVM exit.
 *
 * <p>Topics are created on first use (auto-create is on, two partitions each so tests cannot silently rely on a single
 * partition's total order). The broker is shared by every test in the JVM: use topic names and consumer group ids of
 * your own (e.g. with a random suffix) rather than expect an empty broker.
 *
 * <p>With {@code BANKFLOW_TEST_KAFKA_BOOTSTRAP} (or {@code -Dbankflow.test.kafka.bootstrap}) set, that broker is used
 * and nothing is started.
 */
public final class TestKafka {

    private static final Logger log = LoggerFactory.getLogger(TestKafka.class);

    private static final int PARTITIONS = 2;

    private static @Nullable EmbeddedKafkaBroker broker;

    private TestKafka() {}

    /** The {@code bootstrap.servers} value of a running broker; starts the in-process one on first use. */
    public static String bootstrapServers() {
        String external = TestServersSettings.fromEnvironment().kafkaBootstrap();
        return external != null ? external : broker().getBrokersAsString();
    }

    /**
     * The in-process broker, for spring-kafka-test utilities (creating topics, {@code KafkaTestUtils}).
     *
     * @throws IllegalStateException if an external broker is configured
     */
    public static synchronized EmbeddedKafkaBroker broker() {
        if (TestServersSettings.fromEnvironment().kafkaBootstrap() != null) {
            throw new IllegalStateException(
                    "BANKFLOW_TEST_KAFKA_BOOTSTRAP is set: tests use that broker and no in-process broker runs");
        }
        if (broker == null) {
            long started = System.nanoTime();
            EmbeddedKafkaKraftBroker kraft = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
            kraft.brokerProperties(Map.of(
                    "auto.create.topics.enable", "true",
                    // A single node: internal topics of transactions (the outbox may use them) need factor 1.
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1"));
            // By default the broker writes spring.kafka.bootstrap-servers into the system properties, which would wire
            // every Spring context in the JVM behind the test's back. Wiring is explicit here: use a private name.
            kraft.brokerListProperty("bankflow.test.kafka.embedded-brokers");
            kraft.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(kraft::destroy, "bankflow-test-kafka-stop"));
            log.info(
                    "In-process Kafka broker started at {} in {} ms",
                    kraft.getBrokersAsString(),
                    (System.nanoTime() - started) / 1_000_000);
            broker = kraft;
        }
        return broker;
    }
}
