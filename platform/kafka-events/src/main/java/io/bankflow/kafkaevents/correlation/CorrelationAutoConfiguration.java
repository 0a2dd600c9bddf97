package io.bankflow.kafkaevents.correlation;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * {@link EventMetadataFactory} for building event envelopes and {@link CorrelationRecordInterceptor}, which Spring
 * Boot applies to its listener container factory. Uses the service's {@link Clock} bean when it has one.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
public class CorrelationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventMetadataFactory eventMetadataFactory(ObjectProvider<Clock> clock) {
        return new EventMetadataFactory(clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnClass(RecordInterceptor.class)
    @ConditionalOnMissingBean(RecordInterceptor.class)
    CorrelationRecordInterceptor correlationRecordInterceptor() {
        return new CorrelationRecordInterceptor();
    }
}
