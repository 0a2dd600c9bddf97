package io.bankflow.kafkaevents.inbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the processed-event table ({@code bankflow.events.inbox.*}).
 *
 * @param retention how long a processed event id is remembered; must exceed the longest time after which the same
 *     event can be delivered again (topic retention, replays), 30 days by default
 * @param cleanupInterval how often ids older than {@code retention} are deleted
 */
@ConfigurationProperties("bankflow.events.inbox")
public record InboxProperties(
        @DefaultValue("30d") Duration retention,
        @DefaultValue("1h") Duration cleanupInterval) {

    public InboxProperties {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("bankflow.events.inbox.retention must be positive");
        }
        if (cleanupInterval == null || cleanupInterval.isNegative() || cleanupInterval.isZero()) {
            throw new IllegalArgumentException("bankflow.events.inbox.cleanup-interval must be positive");
        }
    }
}
