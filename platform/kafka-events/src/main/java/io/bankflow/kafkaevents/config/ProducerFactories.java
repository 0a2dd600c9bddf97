package io.bankflow.kafkaevents.config;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Derives what the event plumbing needs from the service's (Spring Boot's) {@link ProducerFactory}, so one set of
 * {@code spring.kafka.*} properties (bootstrap servers, security, registry URL) configures every producer.
 *
 * <p>Deliberately no beans of Kafka types are created here: another {@code ProducerFactory} or {@code KafkaTemplate}
 * bean would make Spring Boot back off from its own.
 */
public final class ProducerFactories {

    private ProducerFactories() {}

    /**
     * A producer factory for values that are already serialized (outbox rows, dead letters with their original
     * bytes): the base configuration with {@code String} keys, {@code byte[]} values and {@code overrides} on top.
     * Never transactional. The caller owns the factory and must {@link DefaultKafkaProducerFactory#destroy()} it.
     */
    public static DefaultKafkaProducerFactory<String, byte[]> rawBytes(
            ProducerFactory<?, ?> base, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(base.getConfigurationProperties());
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.putAll(overrides);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        DefaultKafkaProducerFactory<String, byte[]> factory =
                new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        // Keep the base factory's listeners (e.g. Micrometer's client metrics) so these producers are observed too.
        for (ProducerFactory.Listener<?, ?> listener : base.getListeners()) {
            factory.addListener(rawListener(listener));
        }
        return factory;
    }

    @SuppressWarnings("unchecked")
    private static ProducerFactory.Listener<String, byte[]> rawListener(ProducerFactory.Listener<?, ?> listener) {
        // Listeners only see producer ids and instances, never keys or values, so the type arguments do not matter.
        return (ProducerFactory.Listener<String, byte[]>) listener;
    }

    /**
     * The value serializer the service's producer uses ({@code io.bankflow.avroserde.ConfluentAvroSerializer} unless
     * overridden), configured with the producer's properties, for serializing events outside a producer.
     */
    @SuppressWarnings("unchecked")
    public static Serializer<Object> valueSerializer(ProducerFactory<?, ?> base) {
        Supplier<? extends Serializer<?>> supplier = base.getValueSerializerSupplier();
        Serializer<?> serializer = supplier == null ? null : supplier.get();
        if (serializer == null) {
            Object configured = base.getConfigurationProperties().get(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
            if (configured == null) {
                throw new IllegalStateException(
                        "No Kafka value serializer configured (spring.kafka.producer.value-serializer)");
            }
            serializer = instantiate(configured);
            serializer.configure(base.getConfigurationProperties(), false);
        }
        return (Serializer<Object>) serializer;
    }

    private static Serializer<?> instantiate(Object configured) {
        try {
            Class<?> type = configured instanceof Class<?> c ? c : Utils.loadClass(configured.toString(), Object.class);
            return (Serializer<?>) Utils.newInstance(type);
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException("Kafka value serializer " + configured + " cannot be used", e);
        }
    }
}
