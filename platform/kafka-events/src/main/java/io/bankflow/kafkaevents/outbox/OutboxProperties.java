package io.bankflow.kafkaevents.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the transactional outbox ({@code bankflow.events.outbox.*}). The defaults suit every service; tests
 * shorten the intervals.
 *
 * @param publisherEnabled whether this instance runs the publisher at all (writing to the outbox always works)
 * @param pollInterval how often the publisher looks for committed events when nothing nudged it; an append nudges it
 *     right after its transaction commits, so this only bounds the delay for events written by other instances
 * @param batchSize how many events one publishing round sends before it commits their published state
 * @param sendTimeout how long one send may wait for the broker's acknowledgement before the round gives up
 * @param initialBackoff first pause after a failed send; doubles per further failure
 * @param maxBackoff longest pause between attempts
 * @param retention how long published events stay in the table (for inspection) before they are deleted
 * @param cleanupInterval how often published events older than {@code retention} are deleted
 * @param backlogRefreshInterval how often the backlog gauges are recomputed from the table
 */
@ConfigurationProperties("bankflow.events.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean publisherEnabled,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("500ms") Duration initialBackoff,
        @DefaultValue("1m") Duration maxBackoff,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("10m") Duration cleanupInterval,
        @DefaultValue("5s") Duration backlogRefreshInterval) {

    public OutboxProperties {
        requirePositive(pollInterval, "poll-interval");
        requirePositive(sendTimeout, "send-timeout");
        requirePositive(initialBackoff, "initial-backoff");
        requirePositive(maxBackoff, "max-backoff");
        requirePositive(retention, "retention");
        requirePositive(cleanupInterval, "cleanup-interval");
        requirePositive(backlogRefreshInterval, "backlog-refresh-interval");
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("bankflow.events.outbox.batch-size must be 1..10000, was " + batchSize);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("bankflow.events.outbox.max-backoff must not be below initial-backoff");
        }
    }

    /** The defaults, as bound from an empty environment. */
    public static OutboxProperties defaults() {
        return new OutboxProperties(
                true,
                Duration.ofSeconds(1),
                100,
                Duration.ofSeconds(10),
                Duration.ofMillis(500),
                Duration.ofMinutes(1),
                Duration.ofDays(7),
                Duration.ofMinutes(10),
                Duration.ofSeconds(5));
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("bankflow.events.outbox." + name + " must be positive, was " + value);
        }
    }
}
