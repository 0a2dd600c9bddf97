package io.bankflow.avroserde;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/**
 * How the subject a schema is registered under is derived, with Confluent's semantics and accepting Confluent's class
 * names, so a configuration written for Confluent's serializer works unchanged.
 */
public enum SubjectNameStrategy {

    /** {@code <topic>-value} or {@code <topic>-key}: one schema (and its versions) per topic. The default. */
    TOPIC_NAME("io.confluent.kafka.serializers.subject.TopicNameStrategy"),

    /** The record's full name, e.g. {@code io.bankflow.events.sync.StatementFetched}: one subject per type. */
    RECORD_NAME("io.confluent.kafka.serializers.subject.RecordNameStrategy"),

    /** {@code <topic>-<record full name>}: several types per topic, each evolving on its own. */
    TOPIC_RECORD_NAME("io.confluent.kafka.serializers.subject.TopicRecordNameStrategy");

    private final String confluentClassName;

    SubjectNameStrategy(String confluentClassName) {
        this.confluentClassName = confluentClassName;
    }

    /** Confluent's class name for this strategy. */
    public String confluentClassName() {
        return confluentClassName;
    }

    /** Confluent's simple class name, e.g. {@code TopicNameStrategy}. */
    public String shortName() {
        return confluentClassName.substring(confluentClassName.lastIndexOf('.') + 1);
    }

    /**
     * The subject for a record written to a topic.
     *
     * @param topic the Kafka topic
     * @param isKey whether the record is the message key (only {@link #TOPIC_NAME} uses it)
     * @param schema the record's schema
     */
    public String subject(String topic, boolean isKey, Schema schema) {
        return switch (this) {
            case TOPIC_NAME -> topic + (isKey ? "-key" : "-value");
            case RECORD_NAME -> schema.getFullName();
            case TOPIC_RECORD_NAME -> topic + "-" + schema.getFullName();
        };
    }

    /**
     * Parses a configured strategy: Confluent's class name (any package, so shaded copies work too), its simple name
     * ({@code TopicNameStrategy}), this enum's name ({@code TOPIC_NAME}), or a {@link Class} with one of those names.
     * Case does not matter.
     *
     * @param configKey the key the value was configured under, for the error message
     * @throws ConfigException if the value names no known strategy
     */
    public static SubjectNameStrategy parse(Object value, String configKey) {
        String text = value instanceof Class<?> type
                ? type.getName()
                : String.valueOf(value).trim();
        String simple = text.substring(Math.max(text.lastIndexOf('.'), text.lastIndexOf('$')) + 1);
        for (SubjectNameStrategy strategy : values()) {
            if (simple.equalsIgnoreCase(strategy.shortName()) || simple.equalsIgnoreCase(strategy.name())) {
                return strategy;
            }
        }
        throw new ConfigException(configKey, text, "unknown subject name strategy; accepted: " + accepted());
    }

    private static String accepted() {
        return Arrays.stream(values())
                .map(s -> s.confluentClassName() + " (or " + s.shortName() + ")")
                .collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return shortName();
    }
}
