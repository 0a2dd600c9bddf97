package io.bankflow.connection.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the bank-accounts feature ({@code bankflow.accounts.*}).
 *
 * @param idempotencyRetention how long an {@code Idempotency-Key} of an account creation is remembered (default 24 h)
 */
@ConfigurationProperties("bankflow.accounts")
public record BankAccountsProperties(@DefaultValue("24h") Duration idempotencyRetention) {

    public BankAccountsProperties {
        if (idempotencyRetention.isNegative() || idempotencyRetention.isZero()) {
            throw new IllegalArgumentException("bankflow.accounts.idempotency-retention must be positive");
        }
    }
}
