package io.bankflow.connection;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans shared by the service's features. */
@Configuration(proxyBeanMethods = false)
class ConnectionConfiguration {

    /** The service's time, UTC (a test overrides the bean to move time). The event plumbing uses it too. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
