package io.bankflow.sync.jobs.application.port.out;

import io.bankflow.sync.jobs.domain.SyncJob;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The sync jobs and their queue. Writes run in the caller's transaction. */
public interface SyncJobs {

    /** A position in a list of jobs ordered by request time and id, newest first. */
    record Position(Instant requestedAt, UUID id) {}

    /** Stores a new QUEUED job that may run from {@code notBefore} on. */
    void add(SyncJob job, Instant notBefore);

    /**
     * Claims the oldest job that may run now (QUEUED and due, or RUNNING with a lapsed lease) for this worker: it
     * becomes RUNNING with a lease until {@code now + lease}, its attempts count one up and its start time is set on
     * its first run. Jobs of a connection that has a job running under a live lease wait. Concurrent workers never
     * claim the same job.
     */
    Optional<SyncJob> claimNext(Instant now, Duration lease);

    /**
     * Writes a RUNNING job's outcome (COMPLETED or FAILED).
     *
     * @throws LostLeaseException when the job is no longer this run's (its lease lapsed and another run claimed it):
     *     the caller's transaction must roll back
     */
    void finish(SyncJob job);

    /** Puts a RUNNING job back in the queue after a retryable fault. @throws LostLeaseException as {@link #finish} */
    void requeue(SyncJob job, Instant notBefore);

    Optional<SyncJob> find(String orgId, UUID id);

    /** The organisation's jobs, optionally of one connection, newest first, after {@code after}. */
    List<SyncJob> list(String orgId, @Nullable UUID connectionId, @Nullable Position after, int limit);

    /** Whether the connection has a job waiting to run (a new request may join it instead of queueing another). */
    boolean hasQueued(String orgId, UUID connectionId);

    /** Jobs waiting to run, of every organisation (a gauge for operators). */
    long countQueued();

    /** Another run owns the job now. */
    final class LostLeaseException extends RuntimeException {
        public LostLeaseException(UUID jobId) {
            super("Sync job " + jobId + " was claimed by another run after this run's lease lapsed");
        }
    }
}
