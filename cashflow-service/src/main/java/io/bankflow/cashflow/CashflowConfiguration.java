package io.bankflow.cashflow;

import io.bankflow.cashflow.balances.CashflowProperties;
import io.bankflow.cashflow.balances.domain.TrailingMeanForecast;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans shared by the service's features: the clock and the forecast method. */
@Configuration(proxyBeanMethods = false)
class CashflowConfiguration {

    /** The service's time, UTC (a test overrides the bean to move time). The event plumbing uses it too. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TrailingMeanForecast forecastMethod(CashflowProperties properties) {
        return new TrailingMeanForecast(properties.lookbackDays(), properties.pendingMaxAgeDays());
    }
}
