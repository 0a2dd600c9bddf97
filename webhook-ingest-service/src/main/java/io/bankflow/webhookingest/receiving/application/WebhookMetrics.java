package io.bankflow.webhookingest.receiving.application;

import io.bankflow.webhookingest.providers.domain.Provider;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Meters of the receiver.
 *
 * <ul>
 *   <li>{@code bankflow_webhooks_received_total{provider,outcome}}: every delivery, by {@link Receipt.Outcome};
 *   <li>{@code bankflow_webhooks_processing_seconds{provider,outcome}}: resolving, verifying and storing one delivery
 *       (histogram, for latency SLOs: providers time out after 15-30 s and retry).
 * </ul>
 *
 * The {@code provider} tag is a supported provider's name or {@code unknown}: never the raw path segment, which anyone
 * can vary to create unbounded series.
 */
@Component
public class WebhookMetrics {

    static final String RECEIVED = "bankflow.webhooks.received";
    static final String PROCESSING = "bankflow.webhooks.processing";
    static final String UNKNOWN_PROVIDER = "unknown";

    private final MeterRegistry registry;

    WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Starts timing a delivery. */
    Timer.Sample start() {
        return Timer.start(registry);
    }

    /** Counts a delivery and stops its timer. */
    void record(Timer.Sample sample, String providerName, Receipt.Outcome outcome) {
        String provider = providerTag(providerName);
        sample.stop(Timer.builder(PROCESSING)
                .description("Time to resolve, verify, store and publish one webhook delivery")
                .tags("provider", provider, "outcome", outcome.label())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry));
        count(provider, outcome);
    }

    /** Counts a delivery refused before it reached the receiver (its body was too large). */
    public void recordTooLarge(String providerName) {
        count(providerTag(providerName), Receipt.Outcome.TOO_LARGE);
    }

    private void count(String provider, Receipt.Outcome outcome) {
        Counter.builder(RECEIVED)
                .description("Webhook deliveries received, by provider and outcome")
                .tags("provider", provider, "outcome", outcome.label())
                .register(registry)
                .increment();
    }

    static String providerTag(String providerName) {
        return Provider.fromWireName(providerName).map(Provider::wireName).orElse(UNKNOWN_PROVIDER);
    }
}
