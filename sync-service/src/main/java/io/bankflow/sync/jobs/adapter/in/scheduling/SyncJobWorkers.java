package io.bankflow.sync.jobs.adapter.in.scheduling;

import io.bankflow.sync.jobs.application.RunSyncJobs;
import io.bankflow.sync.jobs.application.SyncJobQueued;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Worker threads that run queued sync jobs: each runs jobs while there are due ones, then sleeps until a job is queued
 * here or the poll interval passes. Jobs are claimed in the database, so any number of instances may run workers.
 * Stopping lets the current runs finish their commit; a run cut off by a crash is taken up again when its lease lapses.
 */
@Component
class SyncJobWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyncJobWorkers.class);

    private final RunSyncJobs runSyncJobs;
    private final SyncWorkerProperties properties;
    private final Semaphore wakeUps = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    SyncJobWorkers(RunSyncJobs runSyncJobs, SyncWorkerProperties properties) {
        this.runSyncJobs = runSyncJobs;
        this.properties = properties;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onQueued(SyncJobQueued queued) {
        wakeUps.release();
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 0; i < properties.concurrency(); i++) {
            threads.add(Thread.ofVirtual().name("sync-worker-" + i).start(this::work));
        }
        log.info("Started {} sync job worker(s)", properties.concurrency());
    }

    @Override
    public synchronized void stop() {
        running = false;
        wakeUps.release(threads.size());
        // One deadline for all workers, inside the 20 s graceful-shutdown phase: a run cut short is claimed again
        // when its lease lapses, and its commit is all or nothing.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(java.time.Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void work() {
        while (running) {
            try {
                while (running && runSyncJobs.runNext()) {
                    wakeUps.drainPermits(); // every due job is being taken: earlier wake-ups are spent
                }
                var unused = wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database may be away; the job stays queued. Back off one interval and try again.
                log.warn("Sync job worker could not claim or run a job: {}", e.toString());
                sleep();
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(properties.pollInterval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
