package io.bankflow.webhookingest.endpoints.adapter.out.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import io.bankflow.webhookingest.endpoints.WebhookSecretsProperties;
import java.security.GeneralSecurityException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link TinkSecretSealer}, with the keyset loaded (or generated) at startup. */
@Configuration(proxyBeanMethods = false)
class SecretSealingConfiguration {

    @Bean
    TinkSecretSealer tinkSecretSealer(WebhookSecretsProperties properties) throws GeneralSecurityException {
        AeadConfig.register();
        KeysetHandle keyset = WebhookKeysets.load(properties);
        return new TinkSecretSealer(keyset.getPrimitive(RegistryConfiguration.get(), Aead.class));
    }
}
