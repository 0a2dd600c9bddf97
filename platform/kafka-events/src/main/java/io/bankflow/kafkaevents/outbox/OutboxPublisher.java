package io.bankflow.kafkaevents.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox events to Kafka: at least once, and per topic and key in append order.
 *
 * <p>One thread per instance runs rounds. A round is one database transaction that
 *
 * <ol>
 *   <li>takes the publisher advisory lock (an instance that does not get it skips the round, so one instance
 *       publishes at a time and keys stay in order across instances; when it dies another takes over next round),
 *   <li>reads the next batch in id order ({@link OutboxStore#nextBatch}),
 *   <li>sends each event synchronously; after a failure the rest of that key waits (the row gets a backoff, the key is
 *       skipped for the round) while other keys go on; a timeout ends the round, since the broker is likely away,
 *   <li>marks the acknowledged events published and commits.
 * </ol>
 *
 * If the instance dies between an acknowledgement and the commit, those events are sent again: consumers deduplicate
 * on the event id. Rounds run right after a transaction with appends commits ({@link #nudge()}), again at once while
 * full batches keep coming, and otherwise every {@code poll-interval}.
 */
final class OutboxPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

    /** Published events deleted per cleanup statement, so a large backlog never becomes one huge delete. */
    private static final int CLEANUP_CHUNK = 5_000;

    private final OutboxStore store;
    private final OutboxSender sender;
    private final TransactionTemplate transactions;
    private final OutboxMetrics metrics;
    private final OutboxProperties properties;
    private final Backoff backoff;
    private final Clock clock;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private boolean nudged;
    private volatile boolean running;
    private @Nullable Thread thread;

    private Instant nextBacklogRefresh = Instant.MIN;
    private Instant nextCleanup = Instant.MIN;

    OutboxPublisher(
            OutboxStore store,
            OutboxSender sender,
            TransactionTemplate transactions,
            OutboxMetrics metrics,
            OutboxProperties properties,
            Clock clock) {
        this.store = store;
        this.sender = sender;
        this.transactions = transactions;
        this.metrics = metrics;
        this.properties = properties;
        this.backoff = new Backoff(properties.initialBackoff(), properties.maxBackoff());
        this.clock = clock;
    }

    /** Asks for a round now: called after a transaction that appended events committed. */
    void nudge() {
        lock.lock();
        try {
            nudged = true;
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs one round; see the class comment. Package-private so tests can drive rounds directly.
     *
     * @return what the round did
     */
    Round publishRound() {
        Round round = transactions.execute(status -> {
            if (!store.tryPublisherLock()) {
                return Round.NOT_PUBLISHER;
            }
            List<PendingEvent> batch = store.nextBatch(properties.batchSize());
            List<Long> published = new ArrayList<>(batch.size());
            Set<PendingEvent.OrderingKey> heldBack = new HashSet<>();
            boolean timedOut = false;
            for (PendingEvent event : batch) {
                if (heldBack.contains(event.orderingKey())) {
                    continue;
                }
                try {
                    sender.send(event);
                    published.add(event.id());
                    metrics.published(event.topic());
                } catch (Exception failure) {
                    heldBack.add(event.orderingKey());
                    failed(event, failure);
                    if (OutboxSender.isTimeout(failure)) {
                        timedOut = true;
                        break;
                    }
                }
            }
            store.markPublished(published);
            return new Round(true, published.size(), batch.size() - published.size(), timedOut, isFull(batch));
        });
        return round == null ? Round.NOT_PUBLISHER : round;
    }

    private void failed(PendingEvent event, Exception failure) {
        int failures = event.attempts() + 1;
        Duration retryIn = backoff.afterFailures(failures);
        metrics.publishFailed(event.topic());
        store.markFailed(event.id(), retryIn, describe(failure));
        // The first failures of a key are routine (broker restart, leader election); a key stuck for long is not.
        if (failures < 5) {
            log.info(
                    "Could not publish outbox event {} to {} (attempt {}), retrying in {}: {}",
                    event.id(),
                    event.topic(),
                    failures,
                    retryIn,
                    describe(failure));
        } else {
            log.warn(
                    "Could not publish outbox event {} to {} (attempt {}); later events of key {} wait. Retrying in {}",
                    event.id(),
                    event.topic(),
                    failures,
                    event.key(),
                    retryIn,
                    failure);
        }
    }

    /** The whole cause chain in one line: Spring's "Send failed" alone does not say why Kafka refused. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(failure.toString());
        Throwable cause = failure.getCause();
        for (int depth = 0; cause != null && cause != failure && depth < 5; depth++, cause = cause.getCause()) {
            text.append("; caused by ").append(cause);
        }
        return text.toString();
    }

    private boolean isFull(List<PendingEvent> batch) {
        return batch.size() >= properties.batchSize();
    }

    private void run() {
        int failedRounds = 0;
        while (running) {
            Duration pause;
            try {
                Round round = publishRound();
                failedRounds = round.timedOut() ? failedRounds + 1 : 0;
                if (round.timedOut()) {
                    pause = backoff.afterFailures(failedRounds);
                } else if (round.full() && round.published() > 0) {
                    pause = Duration.ZERO;
                } else {
                    pause = properties.pollInterval();
                }
            } catch (RuntimeException failure) {
                // Typically the database is unavailable. Nothing is lost: the events wait in the table.
                failedRounds++;
                pause = backoff.afterFailures(failedRounds);
                log.warn("Outbox publishing round failed, retrying in {}", pause, failure);
            }
            maintain();
            // After a failure, appends do not cut the pause short: the broker or database needs the time.
            awaitNextRound(pause, failedRounds == 0);
        }
    }

    /** Refreshes the backlog gauges and deletes old published events, each at its own interval. */
    private void maintain() {
        Instant now = clock.instant();
        if (!now.isBefore(nextBacklogRefresh)) {
            nextBacklogRefresh = now.plus(properties.backlogRefreshInterval());
            refreshBacklog();
        }
        if (!now.isBefore(nextCleanup)) {
            nextCleanup = now.plus(properties.cleanupInterval());
            try {
                int deleted;
                do {
                    deleted = store.deletePublishedBefore(properties.retention(), CLEANUP_CHUNK);
                } while (deleted == CLEANUP_CHUNK && running);
            } catch (RuntimeException failure) {
                log.warn("Could not delete published outbox events older than {}", properties.retention(), failure);
            }
        }
    }

    /** Reads the backlog into the gauges. Package-private so tests need not wait for the interval. */
    void refreshBacklog() {
        try {
            metrics.backlog(store.backlog());
        } catch (RuntimeException failure) {
            log.debug("Could not read the outbox backlog", failure);
        }
    }

    private void awaitNextRound(Duration pause, boolean wakeOnNudge) {
        long remaining = pause.toNanos();
        lock.lock();
        try {
            while (running && remaining > 0 && !(wakeOnNudge && nudged)) {
                remaining = wakeUp.awaitNanos(remaining);
            }
            if (wakeOnNudge) {
                nudged = false;
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void start() {
        if (running || !properties.publisherEnabled()) {
            return;
        }
        running = true;
        Thread publisher = new Thread(this::run, "bankflow-outbox-publisher");
        publisher.setDaemon(true);
        thread = publisher;
        publisher.start();
        log.info(
                "Outbox publisher started (poll interval {}, batch size {})",
                properties.pollInterval(),
                properties.batchSize());
    }

    @Override
    public void stop() {
        Thread publisher = thread;
        if (!running || publisher == null) {
            return;
        }
        running = false;
        nudge();
        try {
            // A round in progress finishes (its sends are bounded by send-timeout) so its acknowledgements are
            // recorded instead of being sent again by the next publisher.
            publisher.join(properties.sendTimeout().multipliedBy(3).toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * What one round did.
     *
     * @param publisher whether this instance held the publisher lock
     * @param published events acknowledged and marked published
     * @param notPublished events of the batch that failed or were held back behind a failure of their key
     * @param timedOut whether the round ended early because the broker did not answer
     * @param full whether the batch was full, so more events may be waiting
     */
    record Round(boolean publisher, int published, int notPublished, boolean timedOut, boolean full) {
        static final Round NOT_PUBLISHER = new Round(false, 0, 0, false, false);
    }
}
