package io.bankflow.sync.jobs.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One run of fetching a connection's statements, from request to outcome.
 *
 * <p>Transitions: QUEUED -> RUNNING (a worker claimed it) -> COMPLETED or FAILED; RUNNING -> QUEUED again after a
 * retryable fault, with {@code notBefore} in the future; a RUNNING job whose worker vanished (lease expired) is claimed
 * again. A finished job never changes.
 *
 * @param id the job's id
 * @param orgId the organisation
 * @param connectionId the connection synced
 * @param accountId the Bankflow bank account the lines belong to
 * @param provider the provider
 * @param reason why it was requested
 * @param status where it is
 * @param requestedFrom first booking date asked for; null: from the cursor
 * @param requestedTo last booking date asked for; null: today
 * @param requestedBy who asked (MANUAL), when known
 * @param psuIpAddress the IP address of the person who asked and is present (MANUAL), kept only until the job
 *     finishes: the bank does not count such reads against the consent's unattended reads per day
 * @param correlationId the business flow the job belongs to (from the request or the causing event)
 * @param causationId the event that caused the job, when one did
 * @param requestedAt when it was requested
 * @param startedAt when a worker first started it
 * @param finishedAt when it completed or failed
 * @param attempts how many runs were started
 * @param counts what it did (the last run's counts)
 * @param failure why it failed, or why its last run failed while it waits for a retry
 */
public record SyncJob(
        UUID id,
        String orgId,
        UUID connectionId,
        UUID accountId,
        String provider,
        SyncReason reason,
        SyncJobStatus status,
        @Nullable LocalDate requestedFrom,
        @Nullable LocalDate requestedTo,
        @Nullable String requestedBy,
        @Nullable String psuIpAddress,
        String correlationId,
        @Nullable String causationId,
        Instant requestedAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        int attempts,
        SyncCounts counts,
        @Nullable SyncFailure failure) {

    public SyncJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(counts, "counts");
        if (requestedFrom != null && requestedTo != null && requestedFrom.isAfter(requestedTo)) {
            throw new IllegalArgumentException("dateFrom is after dateTo");
        }
    }

    /** A new job for {@code target}, waiting for a worker. */
    public static SyncJob queued(
            UUID id,
            SyncTarget target,
            SyncReason reason,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable String requestedBy,
            @Nullable String psuIpAddress,
            String correlationId,
            @Nullable String causationId,
            Instant now) {
        return new SyncJob(
                id,
                target.orgId(),
                target.connectionId(),
                target.accountId(),
                target.provider(),
                reason,
                SyncJobStatus.QUEUED,
                from,
                to,
                requestedBy,
                psuIpAddress,
                correlationId,
                causationId,
                now,
                null,
                null,
                0,
                SyncCounts.NONE,
                null);
    }

    /** Whether this is the job's first run (the one that announces SyncJobStarted). */
    public boolean firstAttempt() {
        return attempts == 1;
    }

    /** Every page read and every new line stored. */
    public SyncJob complete(SyncCounts finalCounts, Instant now) {
        requireRunning();
        return with(SyncJobStatus.COMPLETED, finalCounts, null, now);
    }

    /** Stopped for good. */
    public SyncJob fail(SyncFailure why, SyncCounts soFar, Instant now) {
        requireRunning();
        return with(SyncJobStatus.FAILED, soFar, why, now);
    }

    /** A retryable fault: back in the queue (the store sets when it may run again). */
    public SyncJob requeue(SyncFailure why) {
        requireRunning();
        return with(SyncJobStatus.QUEUED, counts, why, null);
    }

    private SyncJob with(
            SyncJobStatus next, SyncCounts nextCounts, @Nullable SyncFailure why, @Nullable Instant finished) {
        return new SyncJob(
                id,
                orgId,
                connectionId,
                accountId,
                provider,
                reason,
                next,
                requestedFrom,
                requestedTo,
                requestedBy,
                // Personal data, needed only while the job may still run.
                next.finished() ? null : psuIpAddress,
                correlationId,
                causationId,
                requestedAt,
                startedAt,
                finished,
                attempts,
                nextCounts,
                why);
    }

    private void requireRunning() {
        if (status != SyncJobStatus.RUNNING) {
            throw new IllegalStateException("Sync job " + id + " is " + status + ", not RUNNING");
        }
    }
}
