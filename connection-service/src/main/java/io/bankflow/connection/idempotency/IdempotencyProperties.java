package io.bankflow.connection.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the {@code Idempotency-Key} handling ({@code bankflow.idempotency.*}). How long a finished request is
 * remembered is each feature's setting (e.g. {@code bankflow.accounts.idempotency-retention}).
 *
 * @param inProgressTimeout how long a request may hold its key before the key counts as abandoned (the instance died
 *     mid-request) and a retry may take it over; longer than the slowest creation (the bank calls of a connection
 *     each wait at most {@code bankflow.connections.sandbox-bank.timeout}, 10 s by default)
 */
@ConfigurationProperties("bankflow.idempotency")
public record IdempotencyProperties(@DefaultValue("2m") Duration inProgressTimeout) {

    public IdempotencyProperties {
        if (inProgressTimeout.isNegative() || inProgressTimeout.isZero()) {
            throw new IllegalArgumentException("bankflow.idempotency.in-progress-timeout must be positive");
        }
    }
}
