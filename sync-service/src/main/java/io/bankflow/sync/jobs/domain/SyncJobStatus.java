package io.bankflow.sync.jobs.domain;

/** Where a sync job is: QUEUED until a worker runs it (again, after a retryable fault), then RUNNING, then done. */
public enum SyncJobStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED;

    public boolean finished() {
        return this == COMPLETED || this == FAILED;
    }
}
