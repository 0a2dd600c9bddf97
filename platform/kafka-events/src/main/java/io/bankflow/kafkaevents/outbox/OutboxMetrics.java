package io.bankflow.kafkaevents.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The outbox's meters (Prometheus names): {@code bankflow_outbox_pending}, {@code
 * bankflow_outbox_oldest_pending_age_seconds}, {@code bankflow_outbox_published_total{topic}} and {@code
 * bankflow_outbox_publish_failures_total{topic}}.
 *
 * <p>The gauges show the last backlog the publisher loop read from the table (every {@code
 * bankflow.events.outbox.backlog-refresh-interval}), so a scrape never waits on the database. Every instance reads
 * it, publisher or not, and they all report the same table.
 */
final class OutboxMetrics {

    static final String PENDING = "bankflow.outbox.pending";
    static final String OLDEST_PENDING_AGE = "bankflow.outbox.oldest.pending.age";
    static final String PUBLISHED = "bankflow.outbox.published";
    static final String PUBLISH_FAILURES = "bankflow.outbox.publish.failures";

    private final MeterRegistry registry;
    private final Clock clock;
    private final AtomicReference<OutboxStore.Backlog> backlog =
            new AtomicReference<>(new OutboxStore.Backlog(0, null));

    OutboxMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        Gauge.builder(PENDING, backlog, b -> b.get().pending())
                .description("Events committed to the outbox and not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder(OLDEST_PENDING_AGE, backlog, this::oldestPendingAgeSeconds)
                .description("Age of the oldest event waiting in the outbox; 0 when none waits")
                .baseUnit("seconds")
                .register(registry);
    }

    void backlog(OutboxStore.Backlog current) {
        backlog.set(current);
    }

    void published(String topic) {
        Counter.builder(PUBLISHED)
                .description("Events the outbox published (acknowledged by Kafka)")
                .tag("topic", topic)
                .register(registry)
                .increment();
    }

    void publishFailed(String topic) {
        Counter.builder(PUBLISH_FAILURES)
                .description("Failed attempts to publish an outbox event; the event is retried")
                .tag("topic", topic)
                .register(registry)
                .increment();
    }

    private double oldestPendingAgeSeconds(AtomicReference<OutboxStore.Backlog> ref) {
        Instant oldest = ref.get().oldestPendingSince();
        if (oldest == null) {
            return 0;
        }
        return Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }
}
