package io.bankflow.kafkaevents.consumer;

import io.bankflow.kafkaevents.config.ProducerFactories;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.ClassUtils;

/**
 * The listener error handler Spring Boot puts on its listener container factory: bounded exponential retries, then
 * the record goes to {@code <topic>-dlt} with exception headers (and, for a record that could not be deserialized,
 * its original bytes). A service replaces it by declaring its own {@link CommonErrorHandler} bean.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBooleanProperty(name = "bankflow.events.consumer.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EventConsumerProperties.class)
public class EventConsumerAutoConfiguration {

    /** Failures that are the same on every attempt: retrying only delays the dead letter. */
    private static final List<String> ALWAYS_NON_RETRYABLE = List.of(
            NonRetryableEventException.class.getName(),
            AvroRuntimeException.class.getName(),
            "jakarta.validation.ValidationException");

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaEventsErrorHandler(
            EventConsumerProperties properties,
            DeadLetterProducer deadLetterProducer,
            ObjectProvider<KafkaTemplate<Object, Object>> serviceTemplate,
            ObjectProvider<MeterRegistry> meterRegistry) {
        // Records that could not be deserialized are republished as their original bytes; records that were read
        // but failed in the listener go through the service's template (Avro serializer) again.
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, deadLetterProducer.template());
        KafkaTemplate<Object, Object> avroTemplate = serviceTemplate.getIfUnique();
        if (avroTemplate != null) {
            templates.put(Object.class, avroTemplate);
        }
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(
                templates,
                // Partition -1: the producer picks it from the key, so a DLT need not have as many partitions.
                (record, exception) -> new TopicPartition(record.topic() + properties.deadLetterSuffix(), -1));

        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.maxRetries());
        backOff.setInitialInterval(properties.initialInterval().toMillis());
        backOff.setMultiplier(properties.multiplier());
        backOff.setMaxInterval(properties.maxInterval().toMillis());

        DefaultErrorHandler handler = new DefaultErrorHandler(
                new DeadLetterCountingRecoverer(deadLetters, meterRegistry.getIfUnique(() -> Metrics.globalRegistry)),
                backOff);
        handler.addNotRetryableExceptions(nonRetryable(properties));
        return handler;
    }

    @Bean
    DeadLetterProducer kafkaEventsDeadLetterProducer(ProducerFactory<?, ?> producerFactory) {
        return new DeadLetterProducer(ProducerFactories.rawBytes(producerFactory, Map.of()));
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Exception>[] nonRetryable(EventConsumerProperties properties) {
        List<Class<?>> types = new ArrayList<>();
        ClassLoader loader = EventConsumerAutoConfiguration.class.getClassLoader();
        for (String name : ALWAYS_NON_RETRYABLE) {
            if (ClassUtils.isPresent(name, loader)) {
                types.add(ClassUtils.resolveClassName(name, loader));
            }
        }
        types.addAll(properties.nonRetryableExceptions());
        return types.toArray(Class[]::new);
    }

    /** Owns the byte-array producer used for dead letters, so it is closed with the context. */
    static final class DeadLetterProducer implements DisposableBean {

        private final DefaultKafkaProducerFactory<String, byte[]> factory;
        private final KafkaTemplate<String, byte[]> template;

        DeadLetterProducer(DefaultKafkaProducerFactory<String, byte[]> factory) {
            this.factory = factory;
            this.template = new KafkaTemplate<>(factory);
        }

        KafkaTemplate<String, byte[]> template() {
            return template;
        }

        @Override
        public void destroy() {
            factory.destroy();
        }
    }
}
