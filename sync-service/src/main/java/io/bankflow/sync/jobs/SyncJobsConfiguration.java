package io.bankflow.sync.jobs;

import io.bankflow.sync.jobs.domain.RetryPolicy;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How sync jobs retry ({@code bankflow.sync.retry.*}). */
@Configuration(proxyBeanMethods = false)
class SyncJobsConfiguration {

    @Bean
    RetryPolicy syncRetryPolicy(
            @Value("${bankflow.sync.retry.max-attempts:4}") int maxAttempts,
            @Value("${bankflow.sync.retry.first-delay:30s}") Duration firstDelay,
            @Value("${bankflow.sync.retry.max-delay:15m}") Duration maxDelay) {
        return new RetryPolicy(maxAttempts, firstDelay, maxDelay);
    }
}
