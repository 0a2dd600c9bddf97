package io.bankflow.tokenvault.tokens.adapter.out.crypto;

import com.google.crypto.tink.aead.AeadConfig;
import io.bankflow.tokenvault.tokens.KeyEncryptionProperties;
import io.bankflow.tokenvault.tokens.VaultTransitProperties;
import io.bankflow.tokenvault.tokens.application.port.out.KeyEncryptionKey;
import io.bankflow.tokenvault.tokens.application.port.out.TokenSealer;
import java.security.GeneralSecurityException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The envelope encryption beans. The KEK is chosen by {@code bankflow.token-vault.kek.provider}: the local keyset
 * ({@code local}, the default) or a Vault Transit key ({@code vault-transit}, ADR 0010).
 */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    CryptoConfiguration() throws GeneralSecurityException {
        AeadConfig.register();
    }

    @Bean
    KeyEncryptionKey keyEncryptionKey(KeyEncryptionProperties properties, VaultTransitProperties vaultTransit) {
        return switch (properties.provider()) {
            case LOCAL -> new LocalKeysetKeyEncryptionKey(LocalKeysets.source(properties));
            case VAULT_TRANSIT -> VaultTransitKeyEncryptionKey.connect(vaultTransit);
        };
    }

    @Bean
    TokenSealer tokenSealer(KeyEncryptionKey kek) {
        return new TinkEnvelopeSealer(kek);
    }
}
