package io.bankflow.localstack;

import io.bankflow.events.EventTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Waits for the broker to answer a metadata request, then creates every event topic of {@link EventTopics} and its
 * dead-letter topic that does not exist yet. Existing topics are left as they are.
 *
 * <pre>
 * KafkaTopics --bootstrap 127.0.0.1:18692 [--await-seconds 90] [--partitions 3] [--replication-factor 1]
 * KafkaTopics --bootstrap 127.0.0.1:18692 --check     exit status 0 when the broker answers within 5 s
 * </pre>
 */
public final class KafkaTopics {

    private static final String USAGE = "usage: KafkaTopics --bootstrap <host:port> [--await-seconds <n>]"
            + " [--partitions <n>] [--replication-factor <n>] [--check]";

    private KafkaTopics() {}

    public static void main(String[] args) {
        Cli cli;
        try {
            cli = Cli.parse(args, Set.of("check"));
            cli.required("bootstrap");
        } catch (Cli.UsageException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        String bootstrap = cli.required("bootstrap");
        try (Admin admin = admin(bootstrap)) {
            if (cli.flag("check")) {
                int brokers = awaitBroker(admin, Duration.ofSeconds(5));
                System.out.println("Kafka at " + bootstrap + " answers (" + brokers + " broker(s))");
                return;
            }
            awaitBroker(admin, cli.seconds("await-seconds", 90));
            List<NewTopic> wanted =
                    requiredTopics(cli.intOption("partitions", 3), (short) cli.intOption("replication-factor", 1));
            List<String> created = ensureTopics(admin, wanted, Duration.ofSeconds(60));
            System.out.println("Kafka topics: " + wanted.size() + " required, " + describe(created, wanted.size()));
        } catch (BrokerUnavailable e) {
            System.err.println(e.getMessage());
            System.exit(1);
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("could not create the Kafka topics at " + bootstrap + ": " + e);
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        }
    }

    /** "none created", "all created" or the sorted names when only some were missing. */
    static String describe(List<String> created, int required) {
        if (created.isEmpty() || created.size() == required) {
            return (created.isEmpty() ? "none" : "all") + " created";
        }
        return created.size() + " created " + created.stream().sorted().toList();
    }

    static Admin admin(String bootstrap) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "bankflow-local-stack",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000));
    }

    /** Every event topic and its dead-letter topic, in {@link EventTopics}' order. */
    static List<NewTopic> requiredTopics(int partitions, short replicationFactor) {
        List<NewTopic> topics = new ArrayList<>();
        for (EventTopics.Topic topic : EventTopics.all()) {
            topics.add(new NewTopic(topic.topic(), partitions, replicationFactor));
            topics.add(new NewTopic(topic.deadLetterTopic(), partitions, replicationFactor));
        }
        return topics;
    }

    /**
     * Asks the cluster for its brokers until one answers (a metadata request), polling until the deadline; returns
     * how many brokers it reported.
     */
    static int awaitBroker(Admin admin, Duration wait) throws InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        Exception last = null;
        do {
            try {
                int brokers =
                        admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
                if (brokers > 0) {
                    return brokers;
                }
            } catch (ExecutionException | TimeoutException e) {
                last = e;
                Thread.sleep(250); // poll interval, in case the client fails fast
            }
        } while (Instant.now().isBefore(deadline));
        throw new BrokerUnavailable("Kafka did not answer a metadata request within " + wait.toSeconds() + " s"
                + (last == null ? "" : ": " + last));
    }

    /** Creates the wanted topics that do not exist; returns the names it created. */
    static List<String> ensureTopics(Admin admin, List<NewTopic> wanted, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<NewTopic> missing =
                wanted.stream().filter(t -> !existing.contains(t.name())).toList();
        if (missing.isEmpty()) {
            return List.of();
        }
        CreateTopicsResult result = admin.createTopics(missing);
        List<String> created = new ArrayList<>();
        for (Map.Entry<String, KafkaFuture<Void>> entry : result.values().entrySet()) {
            try {
                entry.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                created.add(entry.getKey());
            } catch (ExecutionException e) {
                // Someone else (a concurrent run, or a service's own admin) created it in the meantime: fine.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        return created;
    }

    static final class BrokerUnavailable extends RuntimeException {
        BrokerUnavailable(String message) {
            super(message);
        }
    }
}
