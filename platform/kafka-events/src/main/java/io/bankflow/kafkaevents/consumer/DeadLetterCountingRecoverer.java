package io.bankflow.kafkaevents.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;

/**
 * Publishes a record that failed for good to its dead-letter topic, then counts it in {@code
 * bankflow_events_dead_lettered_total{topic}} (the source topic) and logs it. Counted only after the publication
 * succeeded: when it fails, the error handler keeps the record and tries again. The log line names the record's
 * position and the root cause's type and message (never the record's value), because the retrying error handler
 * itself says nothing above DEBUG and a dead letter must not go unnoticed in the logs.
 */
final class DeadLetterCountingRecoverer implements ConsumerAwareRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterCountingRecoverer.class);

    static final String DEAD_LETTERED = "bankflow.events.dead.lettered";

    private final ConsumerAwareRecordRecoverer delegate;
    private final MeterRegistry registry;

    DeadLetterCountingRecoverer(ConsumerAwareRecordRecoverer delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, @Nullable Consumer<?, ?> consumer, Exception exception) {
        delegate.accept(record, consumer, exception);
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(exception);
        log.error(
                "Dead-lettered {}-{}@{} after it failed for good: {}: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                cause.getClass().getName(),
                cause.getMessage());
        Counter.builder(DEAD_LETTERED)
                .description("Records sent to their dead-letter topic after failing for good")
                .tag("topic", record.topic())
                .register(registry)
                .increment();
    }
}
