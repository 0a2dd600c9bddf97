package io.bankflow.connection.connections.adapter.in.scheduling;

import io.bankflow.connection.connections.application.CheckConsentExpiry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Runs {@link CheckConsentExpiry} every {@link ConsentExpiryProperties#checkInterval()}. Off with {@code
 * bankflow.connections.expiry.enabled=false} (tests run the job themselves).
 */
@Component
@ConditionalOnProperty(name = "bankflow.connections.expiry.enabled", havingValue = "true", matchIfMissing = true)
class ConsentExpiryScheduler implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ConsentExpiryScheduler.class);

    private final CheckConsentExpiry checkConsentExpiry;
    private final ConsentExpiryProperties properties;

    ConsentExpiryScheduler(CheckConsentExpiry checkConsentExpiry, ConsentExpiryProperties properties) {
        this.checkConsentExpiry = checkConsentExpiry;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(
                new FixedDelayTask(this::run, properties.checkInterval(), properties.initialDelay()));
    }

    void run() {
        try {
            checkConsentExpiry.run();
        } catch (RuntimeException e) {
            // The next run tries again; a failure must not end the schedule.
            log.error("The consent expiry job failed", e);
        }
    }
}
