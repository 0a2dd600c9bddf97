package io.bankflow.kafkaevents.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link ProcessedEvents} on the service's DataSource, joined to its transaction manager. Needs the {@code
 * processed_event} table from {@code classpath:db/kafka-events}.
 */
@AutoConfiguration(
        after = {
            DataSourceAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class,
            TransactionAutoConfiguration.class
        },
        afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass(JdbcClient.class)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBooleanProperty(name = "bankflow.events.inbox.enabled", matchIfMissing = true)
@EnableConfigurationProperties(InboxProperties.class)
public class InboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ProcessedEvents.class)
    JdbcProcessedEvents processedEvents(
            DataSource dataSource,
            ObjectProvider<PlatformTransactionManager> transactionManager,
            ObjectProvider<MeterRegistry> meterRegistry) {
        PlatformTransactionManager manager = transactionManager.getIfUnique();
        if (manager == null) {
            throw new IllegalStateException("ProcessedEvents needs one (or one @Primary) PlatformTransactionManager"
                    + " for the service's DataSource");
        }
        return new JdbcProcessedEvents(
                dataSource,
                JdbcClient.create(dataSource),
                new TransactionTemplate(manager),
                meterRegistry.getIfUnique(() -> Metrics.globalRegistry));
    }

    @Bean
    @ConditionalOnBean(JdbcProcessedEvents.class)
    ProcessedEventsCleanup processedEventsCleanup(JdbcProcessedEvents processedEvents, InboxProperties properties) {
        return new ProcessedEventsCleanup(processedEvents, properties);
    }
}
