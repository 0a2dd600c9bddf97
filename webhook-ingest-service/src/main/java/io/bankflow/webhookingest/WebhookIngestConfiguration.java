package io.bankflow.webhookingest;

import io.bankflow.webhookingest.providers.domain.ProviderCatalog;
import io.bankflow.webhookingest.receiving.ReceivingProperties;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans shared by the service's features: the clock and the catalog of supported providers. */
@Configuration(proxyBeanMethods = false)
class WebhookIngestConfiguration {

    /** The service's time, UTC (a test overrides the bean to move time). The event plumbing uses it too. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Every provider's verifier and event format; secrets generated from the platform's strong random source. */
    @Bean
    ProviderCatalog providerCatalog(ReceivingProperties receiving) {
        return new ProviderCatalog(receiving.timestampTolerance(), new SecureRandom());
    }
}
