package io.bankflow.kafkaevents.consumer;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How listeners retry a failing record before it goes to the dead-letter topic ({@code bankflow.events.consumer.*}).
 *
 * <p>Retries are blocking (the partition waits), which keeps the order of a key; they are bounded so a poison record
 * cannot stall a partition for long.
 *
 * @param maxRetries retries after the first failed delivery; then the record is dead-lettered
 * @param initialInterval pause before the first retry
 * @param multiplier growth of the pause per retry
 * @param maxInterval longest pause between retries
 * @param deadLetterSuffix suffix of the dead-letter topic ({@code <topic>-dlt})
 * @param nonRetryableExceptions exceptions (besides deserialization and conversion failures and {@link
 *     NonRetryableEventException}) that go to the dead-letter topic without retries
 */
@ConfigurationProperties("bankflow.events.consumer")
public record EventConsumerProperties(
        @DefaultValue("4") int maxRetries,
        @DefaultValue("1s") Duration initialInterval,
        @DefaultValue("2.0") double multiplier,
        @DefaultValue("30s") Duration maxInterval,
        @DefaultValue("-dlt") String deadLetterSuffix,
        @DefaultValue List<Class<? extends Throwable>> nonRetryableExceptions) {

    public EventConsumerProperties {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("bankflow.events.consumer.max-retries must not be negative");
        }
        if (initialInterval.isNegative() || maxInterval.compareTo(initialInterval) < 0) {
            throw new IllegalArgumentException(
                    "bankflow.events.consumer intervals must satisfy 0 <= initial-interval <= max-interval");
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("bankflow.events.consumer.multiplier must be at least 1.0");
        }
        if (deadLetterSuffix == null || deadLetterSuffix.isBlank()) {
            throw new IllegalArgumentException("bankflow.events.consumer.dead-letter-suffix must not be blank");
        }
        nonRetryableExceptions = nonRetryableExceptions == null ? List.of() : List.copyOf(nonRetryableExceptions);
    }
}
