package io.bankflow.kafkaevents.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class KafkaEventDefaultsTest {

    private final KafkaEventDefaults defaults = new KafkaEventDefaults();

    @Test
    void configuresTheAvroSerdeBehindAnErrorHandlingDeserializer() {
        StandardEnvironment environment = new StandardEnvironment();

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.producer.value-serializer"))
                .isEqualTo("io.bankflow.avroserde.ConfluentAvroSerializer");
        assertThat(environment.getProperty("spring.kafka.consumer.value-deserializer"))
                .isEqualTo("org.springframework.kafka.support.serializer.ErrorHandlingDeserializer");
        assertThat(environment.getProperty("spring.kafka.consumer.properties.spring.deserializer.value.delegate.class"))
                .isEqualTo("io.bankflow.avroserde.ConfluentAvroDeserializer");
        assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("all");
        assertThat(environment.getProperty("spring.kafka.consumer.auto-offset-reset"))
                .isEqualTo("earliest");
    }

    @Test
    void yieldsToTheSamePropertySetByTheService() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "application.yml",
                        Map.of(
                                "spring.kafka.consumer.auto-offset-reset", "latest",
                                "spring.kafka.listener.ack-mode", "batch")));

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.consumer.auto-offset-reset"))
                .isEqualTo("latest");
        assertThat(environment.getProperty("spring.kafka.listener.ack-mode")).isEqualTo("batch");
        assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("all");
    }

    @Test
    void keepsDefaultPropertiesTheApplicationSetItself() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addLast(new MapPropertySource("defaultProperties", Map.of("spring.kafka.producer.acks", "1")));

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("1");
        assertThat(environment.getProperty("spring.kafka.producer.value-serializer"))
                .isEqualTo("io.bankflow.avroserde.ConfluentAvroSerializer");
    }
}
