package io.bankflow.kafkaevents.outbox;

import io.bankflow.kafkaevents.config.ProducerFactories;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactional outbox on the service's DataSource: {@link OutboxEvents} for use cases and the publisher that
 * sends committed events with the service's Kafka settings. Needs the {@code event_outbox} table from {@code
 * classpath:db/kafka-events}. {@code bankflow.events.outbox.enabled=false} switches the whole outbox off, {@code
 * bankflow.events.outbox.publisher-enabled=false} only the publishing on this instance.
 */
@AutoConfiguration(
        after = {
            KafkaAutoConfiguration.class,
            DataSourceAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class,
            TransactionAutoConfiguration.class
        },
        afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass({JdbcClient.class, KafkaTemplate.class})
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBooleanProperty(name = "bankflow.events.outbox.enabled", matchIfMissing = true)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    OutboxStore outboxStore(DataSource dataSource) {
        return new OutboxStore(JdbcClient.create(dataSource));
    }

    @Bean
    OutboxSender outboxSender(ProducerFactory<?, ?> producerFactory, OutboxProperties properties) {
        int timeout = (int) Math.min(Integer.MAX_VALUE, properties.sendTimeout().toMillis());
        Map<String, Object> overrides = new HashMap<>();
        // The outbox promises durability and per-key order: these two are not up to the service.
        overrides.put(ProducerConfig.ACKS_CONFIG, "all");
        overrides.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // One record at a time, each awaited: lingering only adds latency. Timeouts bound a send by send-timeout,
        // so a record never lingers in the producer after the publisher gave up on it.
        overrides.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        overrides.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        overrides.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        overrides.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        // Its own client id, so broker-side metrics and quotas tell the outbox producer apart.
        Object clientId = producerFactory.getConfigurationProperties().get(ProducerConfig.CLIENT_ID_CONFIG);
        overrides.put(ProducerConfig.CLIENT_ID_CONFIG, clientId == null ? "bankflow-outbox" : clientId + "-outbox");
        return new OutboxSender(ProducerFactories.rawBytes(producerFactory, overrides), properties.sendTimeout());
    }

    @Bean
    OutboxMetrics outboxMetrics(ObjectProvider<MeterRegistry> meterRegistry, ObjectProvider<Clock> clock) {
        return new OutboxMetrics(
                meterRegistry.getIfUnique(() -> Metrics.globalRegistry), clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    OutboxPublisher outboxPublisher(
            OutboxStore store,
            OutboxSender sender,
            OutboxMetrics metrics,
            OutboxProperties properties,
            ObjectProvider<PlatformTransactionManager> transactionManager,
            ObjectProvider<Clock> clock) {
        return new OutboxPublisher(
                store,
                sender,
                new TransactionTemplate(requireOne(transactionManager)),
                metrics,
                properties,
                clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    JdbcOutboxEvents outboxEvents(
            DataSource dataSource,
            OutboxStore store,
            ProducerFactory<?, ?> producerFactory,
            OutboxPublisher publisher) {
        return new JdbcOutboxEvents(
                dataSource, store, ProducerFactories.valueSerializer(producerFactory), publisher::nudge);
    }

    private static PlatformTransactionManager requireOne(ObjectProvider<PlatformTransactionManager> managers) {
        PlatformTransactionManager manager = managers.getIfUnique();
        if (manager == null) {
            throw new IllegalStateException("The outbox needs one (or one @Primary) PlatformTransactionManager for the"
                    + " service's DataSource");
        }
        return manager;
    }
}
