package io.bankflow.kafkaevents.inbox;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes processed-event ids older than {@code bankflow.events.inbox.retention}, so the table stays the size of the
 * deduplication window. Every instance may run it; deleting the same old rows twice is harmless.
 */
final class ProcessedEventsCleanup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventsCleanup.class);
    private static final int CHUNK = 5_000;

    private final JdbcProcessedEvents processedEvents;
    private final InboxProperties properties;
    private @Nullable ScheduledExecutorService executor;

    ProcessedEventsCleanup(JdbcProcessedEvents processedEvents, InboxProperties properties) {
        this.processedEvents = processedEvents;
        this.properties = properties;
    }

    void cleanUp() {
        try {
            int deleted;
            do {
                deleted = processedEvents.deleteOlderThan(properties.retention().toMillis(), CHUNK);
            } while (deleted == CHUNK);
        } catch (RuntimeException failure) {
            log.warn("Could not delete processed-event ids older than {}", properties.retention(), failure);
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "bankflow-processed-events-cleanup");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.cleanupInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::cleanUp, interval, interval, TimeUnit.MILLISECONDS);
        executor = scheduler;
    }

    @Override
    public void stop() {
        ScheduledExecutorService scheduler = executor;
        if (scheduler != null) {
            scheduler.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
