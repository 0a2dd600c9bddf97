package io.bankflow.localstack;

import io.bankflow.avroserde.AvroSerdeConfig;
import io.bankflow.avroserde.SchemaRegistryClient;
import io.bankflow.avroserde.SchemaRegistryException;
import io.bankflow.events.EventTopics;
import io.bankflow.events.reconciliation.DepositMatched;
import io.bankflow.events.reconciliation.DepositUnmatched;
import io.bankflow.events.sync.StatementFetched;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Registers the value schema of every event in {@link EventTopics} under {@code <topic>-value} (the topic name
 * strategy) and sets the subject's compatibility: FULL for the money events, BACKWARD for the rest (DESIGN.md
 * section 3). A schema already registered under its subject is left alone, so running this again changes nothing.
 *
 * <pre>
 * SchemaRegistration --registry-url http://127.0.0.1:18681/apis/ccompat/v7 [--await-seconds 0]
 * </pre>
 *
 * <p>With {@code --await-seconds}, it first waits that long for the registry to answer (containers start together).
 */
public final class SchemaRegistration {

    /** Events whose readers and writers must both be able to move first: money changes hands on them. */
    static final Set<Class<? extends SpecificRecord>> FULL_COMPATIBILITY =
            Set.of(StatementFetched.class, DepositMatched.class, DepositUnmatched.class);

    private static final String USAGE =
            "usage: SchemaRegistration --registry-url <Confluent-compatible base URL> [--await-seconds <n>]";

    private SchemaRegistration() {}

    /** One subject to register. */
    record Subject(String name, Schema schema, String compatibility) {}

    public static void main(String[] args) {
        Cli cli;
        try {
            cli = Cli.parse(args, Set.of());
            cli.required("registry-url");
        } catch (Cli.UsageException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        String url = cli.required("registry-url");
        List<Subject> subjects = subjects();
        try (SchemaRegistryClient registry =
                SchemaRegistryClient.create(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url))) {
            awaitRegistry(registry, cli.seconds("await-seconds", 0));
            List<String> registered = registerAll(registry, subjects);
            System.out.println("schema registry: " + subjects.size() + " subjects, "
                    + KafkaTopics.describe(registered, subjects.size()).replace("created", "registered now"));
        } catch (SerializationException e) {
            System.err.println("could not register the event schemas: " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        }
    }

    /** Polls {@code GET /subjects} until the registry answers or the wait is over (then the last failure is thrown). */
    static void awaitRegistry(SchemaRegistryClient registry, Duration wait) throws InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            try {
                registry.subjects();
                return;
            } catch (SerializationException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
            }
            Thread.sleep(500); // poll interval while the registry starts
        }
    }

    /** The value subject of every event topic with its schema and compatibility level. */
    static List<Subject> subjects() {
        List<Subject> subjects = new ArrayList<>();
        for (EventTopics.Topic topic : EventTopics.all()) {
            Schema schema = SpecificData.get().getSchema(topic.eventType());
            String compatibility = FULL_COMPATIBILITY.contains(topic.eventType()) ? "FULL" : "BACKWARD";
            subjects.add(new Subject(topic.topic() + "-value", schema, compatibility));
        }
        return subjects;
    }

    /** Registers what is missing and sets every subject's compatibility; returns the subjects registered now. */
    static List<String> registerAll(SchemaRegistryClient registry, List<Subject> subjects) {
        List<String> registered = new ArrayList<>();
        for (Subject subject : subjects) {
            if (!isRegistered(registry, subject)) {
                registry.register(subject.name(), subject.schema());
                registered.add(subject.name());
            }
            // After registration: some registries only accept a subject-level config for an existing subject.
            registry.setCompatibility(subject.name(), subject.compatibility());
        }
        return registered;
    }

    private static boolean isRegistered(SchemaRegistryClient registry, Subject subject) {
        try {
            registry.lookUp(subject.name(), subject.schema());
            return true;
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                return false; // unknown subject, or this schema is not one of its versions
            }
            throw e;
        }
    }
}
