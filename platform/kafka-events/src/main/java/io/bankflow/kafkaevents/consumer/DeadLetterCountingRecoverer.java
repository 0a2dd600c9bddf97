package io.bankflow.kafkaevents.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;

/**
 * Publishes a record that failed for good to its dead-letter topic, then counts it in {@code
 * bankflow_events_dead_lettered_total{topic}} (the source topic). Counted only after the publication succeeded: when
 * it fails, the error handler keeps the record and tries again.
 */
final class DeadLetterCountingRecoverer implements ConsumerAwareRecordRecoverer {

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
        Counter.builder(DEAD_LETTERED)
                .description("Records sent to their dead-letter topic after failing for good")
                .tag("topic", record.topic())
                .register(registry)
                .increment();
    }
}
