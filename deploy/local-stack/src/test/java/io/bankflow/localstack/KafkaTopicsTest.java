package io.bankflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.events.EventTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.MockAdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.Test;

class KafkaTopicsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static MockAdminClient newAdmin() {
        // The mock places partition i on broker i: as many brokers as partitions.
        List<Node> brokers =
                List.of(new Node(0, "127.0.0.1", 1), new Node(1, "127.0.0.1", 2), new Node(2, "127.0.0.1", 3));
        return new MockAdminClient(brokers, brokers.getFirst());
    }

    @Test
    void requiresEveryEventTopicAndItsDeadLetterTopicWithTheLocalLayout() {
        List<NewTopic> topics = KafkaTopics.requiredTopics(3, (short) 1);

        assertThat(topics).hasSize(EventTopics.all().size() * 2);
        assertThat(topics)
                .extracting(NewTopic::name)
                .containsAll(EventTopics.allTopics())
                .containsAll(EventTopics.allDeadLetterTopics())
                .contains("bankflow.statement-fetched.v1", "bankflow.statement-fetched.v1-dlt")
                .doesNotHaveDuplicates();
        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.numPartitions()).isEqualTo(3);
            assertThat(topic.replicationFactor()).isEqualTo((short) 1);
        });
    }

    @Test
    void createsOnlyTheMissingTopicsAndLeavesExistingOnesAsTheyAre() throws Exception {
        try (MockAdminClient admin = newAdmin()) {
            admin.addTopic(false, "bankflow.statement-fetched.v1", List.of(), Map.of());
            List<NewTopic> wanted = KafkaTopics.requiredTopics(3, (short) 1);

            List<String> created = KafkaTopics.ensureTopics(admin, wanted, TIMEOUT);

            assertThat(created).hasSize(wanted.size() - 1).doesNotContain("bankflow.statement-fetched.v1");
            assertThat(admin.listTopics().names().get(5, TimeUnit.SECONDS))
                    .containsAll(wanted.stream().map(NewTopic::name).toList());
            TopicDescription existing = admin.describeTopics(List.of("bankflow.statement-fetched.v1"))
                    .allTopicNames()
                    .get(5, TimeUnit.SECONDS)
                    .get("bankflow.statement-fetched.v1");
            assertThat(existing.partitions()).isEmpty(); // untouched: not re-created with 3 partitions
        }
    }

    @Test
    void aSecondRunCreatesNothing() throws Exception {
        try (MockAdminClient admin = newAdmin()) {
            List<NewTopic> wanted = KafkaTopics.requiredTopics(3, (short) 1);
            KafkaTopics.ensureTopics(admin, wanted, TIMEOUT);

            assertThat(KafkaTopics.ensureTopics(admin, wanted, TIMEOUT)).isEmpty();
        }
    }

    @Test
    void reportsWhatItCreatedBriefly() {
        assertThat(KafkaTopics.describe(List.of(), 4)).isEqualTo("none created");
        assertThat(KafkaTopics.describe(List.of("a", "b", "c", "d"), 4)).isEqualTo("all created");
        assertThat(KafkaTopics.describe(List.of("b", "a"), 4)).isEqualTo("2 created [a, b]");
    }
}
