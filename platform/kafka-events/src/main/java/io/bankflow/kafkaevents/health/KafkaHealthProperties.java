package io.bankflow.kafkaevents.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the {@code kafka} health indicator ({@code bankflow.events.health.*}).
 *
 * @param timeout longest a health check waits for the cluster to answer before reporting DOWN; keeps the health
 *     endpoint (and the readiness probe) fast when the broker is away
 */
@ConfigurationProperties("bankflow.events.health")
public record KafkaHealthProperties(@DefaultValue("2s") Duration timeout) {

    public KafkaHealthProperties {
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bankflow.events.health.timeout must be positive, was " + timeout);
        }
    }
}
