package io.bankflow.kafkaevents;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.kafkaevents.config.KafkaEventDefaults;
import io.bankflow.kafkaevents.consumer.EventConsumerAutoConfiguration;
import io.bankflow.kafkaevents.correlation.CorrelationAutoConfiguration;
import io.bankflow.kafkaevents.correlation.CorrelationRecordInterceptor;
import io.bankflow.kafkaevents.correlation.EventMetadataFactory;
import io.bankflow.kafkaevents.health.KafkaHealthAutoConfiguration;
import io.bankflow.kafkaevents.health.KafkaHealthIndicator;
import io.bankflow.kafkaevents.inbox.InboxAutoConfiguration;
import io.bankflow.kafkaevents.inbox.ProcessedEvents;
import io.bankflow.kafkaevents.outbox.OutboxAutoConfiguration;
import io.bankflow.kafkaevents.outbox.OutboxEvents;
import io.bankflow.kafkaevents.outbox.OutboxProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;

/** Which beans the auto-configuration contributes and when it steps aside. No server is contacted. */
class KafkaEventsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    KafkaAutoConfiguration.class,
                    DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class,
                    TransactionAutoConfiguration.class,
                    CorrelationAutoConfiguration.class,
                    OutboxAutoConfiguration.class,
                    InboxAutoConfiguration.class,
                    EventConsumerAutoConfiguration.class,
                    KafkaHealthAutoConfiguration.class))
            // What spring.factories does for a real application.
            .withInitializer(context ->
                    new KafkaEventDefaults().postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
            .withPropertyValues(
                    "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nothing-listens-here",
                    "spring.kafka.bootstrap-servers=127.0.0.1:1",
                    "spring.kafka.properties.schema.registry.url=http://127.0.0.1:1/apis/ccompat/v7",
                    "bankflow.events.outbox.publisher-enabled=false");

    @Test
    void contributesTheEventPlumbingNextToSpringBootsOwnKafkaBeans() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(OutboxEvents.class);
            assertThat(context).hasSingleBean(ProcessedEvents.class);
            assertThat(context).hasSingleBean(EventMetadataFactory.class);
            assertThat(context).getBean(CommonErrorHandler.class).isInstanceOf(DefaultErrorHandler.class);
            assertThat(context).getBean(RecordInterceptor.class).isInstanceOf(CorrelationRecordInterceptor.class);
            assertThat(context).getBean("kafkaHealthIndicator").isInstanceOf(KafkaHealthIndicator.class);
            // No Kafka-typed beans of ours: Spring Boot's template and producer factory stay the only ones.
            assertThat(context).hasSingleBean(KafkaTemplate.class);
            assertThat(context).hasSingleBean(ProducerFactory.class);
        });
    }

    @Test
    void bindsTheOutboxSettings() {
        runner.withPropertyValues("bankflow.events.outbox.batch-size=7", "bankflow.events.outbox.poll-interval=250ms")
                .run(context -> {
                    OutboxProperties properties = context.getBean(OutboxProperties.class);
                    assertThat(properties.batchSize()).isEqualTo(7);
                    assertThat(properties.pollInterval()).hasMillis(250);
                    assertThat(properties.sendTimeout())
                            .isEqualTo(OutboxProperties.defaults().sendTimeout());
                });
    }

    @Test
    void refusesToStartWithAnImpossibleOutboxSetting() {
        runner.withPropertyValues("bankflow.events.outbox.batch-size=0")
                .run(context ->
                        assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("batch-size"));
    }

    @Test
    void leavesTheOutboxOutWhenSwitchedOff() {
        runner.withPropertyValues("bankflow.events.outbox.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(OutboxEvents.class));
    }

    @Test
    void yieldsToTheServicesOwnErrorHandler() {
        runner.withUserConfiguration(OwnErrorHandler.class)
                .run(context -> assertThat(context)
                        .getBean(CommonErrorHandler.class)
                        .isInstanceOf(CommonLoggingErrorHandler.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnErrorHandler {

        @Bean
        CommonErrorHandler ownErrorHandler() {
            return new CommonLoggingErrorHandler();
        }
    }
}
