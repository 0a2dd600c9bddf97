package io.bankflow.cashflow.balances.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Meters of statement processing, counted only once the transaction that applied the lines committed (a rolled-back
 * attempt that Kafka redelivers is not counted twice).
 *
 * <ul>
 *   <li>{@code bankflow_cashflow_lines_applied_total{status}}: lines that changed the data: {@code booked} (new),
 *       {@code corrected} (a booked line fetched again with another date or amount), {@code pending} (stored or
 *       updated);
 *   <li>{@code bankflow_cashflow_duplicate_lines_total}: lines already counted exactly so (the same line in two
 *       events), and pending versions of lines that already booked.
 * </ul>
 */
@Component
public class CashflowMetrics {

    static final String APPLIED = "bankflow.cashflow.lines.applied";
    static final String DUPLICATES = "bankflow.cashflow.duplicate.lines";

    private final Counter booked;
    private final Counter corrected;
    private final Counter pending;
    private final Counter duplicates;

    CashflowMetrics(MeterRegistry registry) {
        booked = applied(registry, "booked");
        corrected = applied(registry, "corrected");
        pending = applied(registry, "pending");
        duplicates = Counter.builder(DUPLICATES)
                .description("Statement lines received again and not counted twice")
                .register(registry);
    }

    private static Counter applied(MeterRegistry registry, String status) {
        return Counter.builder(APPLIED)
                .description("Statement lines that changed the balance series or the pending lines")
                .tag("status", status)
                .register(registry);
    }

    /** Counts the result after the current transaction commits (at once when there is none). */
    void record(ApplyStatement.Result result) {
        Runnable count = () -> {
            booked.increment(result.booked());
            corrected.increment(result.corrected());
            pending.increment(result.pendingKept());
            duplicates.increment(result.duplicates());
        };
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
}
