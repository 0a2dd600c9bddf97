package io.bankflow.connection.connections.adapter.in.scheduling;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The consent-expiry job ({@code bankflow.connections.expiry.*}).
 *
 * @param enabled whether this instance runs the job (tests switch it off and run it themselves)
 * @param checkInterval the pause between two runs; the warnings are about days, and a run with nothing due is one
 *     indexed query
 * @param initialDelay the wait after startup before the first run
 */
@ConfigurationProperties("bankflow.connections.expiry")
public record ConsentExpiryProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("15m") Duration checkInterval,
        @DefaultValue("30s") Duration initialDelay) {

    public ConsentExpiryProperties {
        if (checkInterval.isNegative() || checkInterval.isZero() || checkInterval.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException(
                    "bankflow.connections.expiry.check-interval must be positive and at most a day");
        }
        if (initialDelay.isNegative()) {
            throw new IllegalArgumentException("bankflow.connections.expiry.initial-delay must not be negative");
        }
    }
}
