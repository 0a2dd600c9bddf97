package io.bankflow.sync.statements.adapter.out.provider.berlingroup;

import io.bankflow.sync.statements.application.port.out.AccountInformationProvider;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Berlin Group adapter as the service's {@link AccountInformationProvider}. */
@Configuration(proxyBeanMethods = false)
class BerlinGroupConfiguration {

    @Bean
    AccountInformationProvider berlinGroupAccountInformation(BerlinGroupProperties properties, Clock clock) {
        return new BerlinGroupClient(properties, clock, BerlinGroupClient.Pause.SLEEP);
    }
}
