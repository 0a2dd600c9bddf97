package io.bankflow.tokenvault;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** token-vault-service: Provider tokens, encrypted at rest: code exchange, refresh before expiry, short-lived access tokens for sync. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TokenVaultApplication {

    public static void main(String[] args) {
        SpringApplication.run(TokenVaultApplication.class, args);
    }
}
