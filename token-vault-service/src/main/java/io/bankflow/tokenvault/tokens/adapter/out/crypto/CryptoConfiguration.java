package io.bankflow.tokenvault.tokens.adapter.out.crypto;

import com.google.crypto.tink.aead.AeadConfig;
import io.bankflow.tokenvault.tokens.KeyEncryptionProperties;
import io.bankflow.tokenvault.tokens.application.port.out.KeyEncryptionKey;
import io.bankflow.tokenvault.tokens.application.port.out.TokenSealer;
import java.security.GeneralSecurityException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The envelope encryption beans. The KEK is the local keyset; Vault Transit, when it comes, is chosen by a property
 * here.
 */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    CryptoConfiguration() throws GeneralSecurityException {
        AeadConfig.register();
    }

    @Bean
    KeyEncryptionKey localKeysetKeyEncryptionKey(KeyEncryptionProperties properties) {
        return new LocalKeysetKeyEncryptionKey(LocalKeysets.load(properties));
    }

    @Bean
    TokenSealer tokenSealer(KeyEncryptionKey kek) {
        return new TinkEnvelopeSealer(kek);
    }
}
