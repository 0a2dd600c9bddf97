package io.bankflow.reconciliation.matching.application;

import io.bankflow.reconciliation.matching.application.port.out.ReviewItems;
import io.bankflow.reconciliation.matching.domain.MatchMethod;
import io.bankflow.reconciliation.matching.domain.SkipReason;
import io.bankflow.reconciliation.matching.domain.UnmatchedReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Meters of matching. Counted after the commit, so a rolled-back (and redelivered) event is not counted twice.
 *
 * <ul>
 *   <li>{@code bankflow_deposits_matched_total{method}}: {@code customer_code}, {@code manual};
 *   <li>{@code bankflow_deposits_unmatched_total{reason}}: {@code no_reference}, {@code unknown_customer_code},
 *       {@code ambiguous};
 *   <li>{@code bankflow_deposits_skipped_total{reason}}: {@code not_a_credit}, {@code pending};
 *   <li>{@code bankflow_review_queue_open}: open review items of every organisation (read at most every
 *       {@value #GAUGE_REFRESH_SECONDS} s).
 * </ul>
 *
 * Every label value exists from the start (at zero), so rates and alerts work before the first deposit.
 */
@Component
public class DepositMetrics {

    static final String MATCHED = "bankflow.deposits.matched";
    static final String UNMATCHED = "bankflow.deposits.unmatched";
    static final String SKIPPED = "bankflow.deposits.skipped";
    static final String QUEUE_OPEN = "bankflow.review.queue.open";
    static final long GAUGE_REFRESH_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(DepositMetrics.class);

    private final MeterRegistry registry;
    private final ReviewItems reviewItems;
    private final Clock clock;
    private volatile double openItems = Double.NaN;
    private volatile Instant openItemsReadAt = Instant.MIN;

    DepositMetrics(MeterRegistry registry, ReviewItems reviewItems, Clock clock) {
        this.registry = registry;
        this.reviewItems = reviewItems;
        this.clock = clock;
        for (MatchMethod method : MatchMethod.values()) {
            matched(method);
        }
        for (UnmatchedReason reason : UnmatchedReason.values()) {
            unmatched(reason);
        }
        for (SkipReason reason : SkipReason.values()) {
            skipped(reason);
        }
        Gauge.builder(QUEUE_OPEN, this, DepositMetrics::openReviewItems)
                .description("Open items in the review queue, all organisations")
                .register(registry);
    }

    /** Counts what an event's matching did, once its transaction commits. */
    void countAfterCommit(MatchStatementLines.Result result) {
        afterCommit(() -> {
            result.matches().forEach(match -> matched(match.method()).increment());
            result.queued().forEach(item -> unmatched(item.reason()).increment());
            result.skipped().forEach(skip -> skipped(skip.reason()).increment());
        });
    }

    /** Counts a manual match, once its transaction commits. */
    void countManualMatchAfterCommit() {
        afterCommit(() -> matched(MatchMethod.MANUAL).increment());
    }

    private static void afterCommit(Runnable count) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count.run();
                }
            });
        } else {
            count.run();
        }
    }

    private Counter matched(MatchMethod method) {
        return Counter.builder(MATCHED)
                .description("Deposits (credit statement lines) matched, by method")
                .tag("method", label(method))
                .register(registry);
    }

    private Counter unmatched(UnmatchedReason reason) {
        return Counter.builder(UNMATCHED)
                .description("Deposits put in the review queue, by reason")
                .tag("reason", label(reason))
                .register(registry);
    }

    private Counter skipped(SkipReason reason) {
        return Counter.builder(SKIPPED)
                .description("Statement lines neither matched nor queued (debits, pending credits), by reason")
                .tag("reason", label(reason))
                .register(registry);
    }

    private double openReviewItems() {
        Instant now = clock.instant();
        if (openItemsReadAt.plus(Duration.ofSeconds(GAUGE_REFRESH_SECONDS)).isBefore(now)) {
            try {
                openItems = reviewItems.countOpen();
            } catch (RuntimeException e) {
                // A scrape must not fail because the database is down; the gauge shows no value meanwhile.
                log.debug("Could not count open review items", e);
                openItems = Double.NaN;
            }
            openItemsReadAt = now;
        }
        return openItems;
    }

    static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
