package io.bankflow.sync.statements.adapter.out.provider.berlingroup;

import io.bankflow.sync.statements.application.port.out.AccountInformationProvider;
import io.bankflow.sync.statements.application.port.out.AccountInformationProviders;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Berlin Group adapter as the service's {@link AccountInformationProvider}. */
@Configuration(proxyBeanMethods = false)
class BerlinGroupConfiguration {

    @Bean
    AccountInformationProvider berlinGroupAccountInformation(BerlinGroupProperties properties, Clock clock) {
        return new BerlinGroupClient(properties, clock, BerlinGroupClient.Pause.SLEEP);
    }

    /** The providers read through this adapter: the sandbox bank speaks Berlin Group NextGenPSD2. */
    @Bean
    AccountInformationProviders accountInformationProviders(AccountInformationProvider berlinGroup) {
        Map<String, AccountInformationProvider> byProvider = Map.of("sandbox-bank", berlinGroup);
        return provider -> Optional.ofNullable(byProvider.get(provider));
    }
}
