package io.bankflow.kafkaevents.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Bankflow's Kafka client defaults, as {@code spring.kafka.*} default properties: every one of them is overridden by
 * the same property set anywhere else (application.yml, environment, command line).
 *
 * <ul>
 *   <li>Producers: {@code String} keys, {@code ConfluentAvroSerializer} values, {@code acks=all}, idempotence on.
 *   <li>Consumers: {@code String} keys; values through {@code ErrorHandlingDeserializer} wrapping {@code
 *       ConfluentAvroDeserializer}, so a record that cannot be read reaches the error handler (and the dead-letter
 *       topic, bytes intact) instead of failing the poll loop forever; {@code auto-offset-reset=earliest} so a new
 *       consumer group starts from the beginning rather than silently skipping events; no auto commit.
 *   <li>Listeners: offsets committed per record ({@code ack-mode=record}), so a crash redelivers at most the record
 *       in progress.
 * </ul>
 *
 * The registry URL has no default here: services map {@code BANKFLOW_REGISTRY_URL} onto {@code
 * spring.kafka.properties.schema.registry.url}.
 */
public final class KafkaEventDefaults implements EnvironmentPostProcessor, Ordered {

    static final String AVRO_SERIALIZER = "io.bankflow.avroserde.ConfluentAvroSerializer";
    static final String AVRO_DESERIALIZER = "io.bankflow.avroserde.ConfluentAvroDeserializer";

    /** The defaults, by property name. */
    public static Map<String, Object> properties() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer");
        defaults.put("spring.kafka.producer.value-serializer", AVRO_SERIALIZER);
        defaults.put("spring.kafka.producer.acks", "all");
        defaults.put("spring.kafka.producer.properties.enable.idempotence", "true");
        defaults.put(
                "spring.kafka.consumer.key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        defaults.put(
                "spring.kafka.consumer.value-deserializer",
                "org.springframework.kafka.support.serializer.ErrorHandlingDeserializer");
        defaults.put("spring.kafka.consumer.properties.spring.deserializer.value.delegate.class", AVRO_DESERIALIZER);
        defaults.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        defaults.put("spring.kafka.consumer.enable-auto-commit", "false");
        defaults.put("spring.kafka.listener.ack-mode", "record");
        return defaults;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Merged into "defaultProperties", the property source Spring Boot always consults last; a default the
        // application itself set there (SpringApplication.setDefaultProperties) is kept.
        PropertySource<?> existing = environment.getPropertySources().get(DefaultPropertiesPropertySource.NAME);
        Map<String, Object> missing = new LinkedHashMap<>(properties());
        if (existing != null) {
            missing.keySet().removeIf(existing::containsProperty);
        }
        DefaultPropertiesPropertySource.addOrMerge(missing, environment.getPropertySources());
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
