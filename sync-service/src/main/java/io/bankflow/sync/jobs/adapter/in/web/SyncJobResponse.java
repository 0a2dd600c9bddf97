package io.bankflow.sync.jobs.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bankflow.sync.jobs.domain.SyncFailure;
import io.bankflow.sync.jobs.domain.SyncJob;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A sync job as the API shows it. */
@Schema(name = "SyncJob")
record SyncJobResponse(
        UUID id,
        UUID connectionId,
        UUID accountId,
        String provider,

        @Schema(description = "Why it ran: INITIAL, SCHEDULED, MANUAL, WEBHOOK or OTHER.")
        String reason,

        @Schema(description = "QUEUED, RUNNING, COMPLETED or FAILED. A QUEUED job with a failure waits for a retry.")
        String status,

        @Schema(description = "First booking date asked for; null: from the last sync.", nullable = true) @Nullable
        LocalDate dateFrom,

        @Schema(description = "Last booking date asked for; null: today.", nullable = true) @Nullable
        LocalDate dateTo,

        Instant requestedAt,
        @Schema(nullable = true) @Nullable Instant startedAt,
        @Schema(nullable = true) @Nullable Instant finishedAt,

        @Schema(description = "Runs started (retries after temporary faults included).")
        int attempts,

        Counts counts,

        @Schema(description = "Why it failed, or why its last run failed while it waits for a retry.", nullable = true)
        @Nullable
        Failure failure) {

    /**
     * What the job did with the transactions it received.
     *
     * @param fetched received from the provider, booked and pending
     * @param newLines stored and published as new (including booked forms of pending lines)
     * @param duplicates recognised as known and skipped
     * @param errors could not be read and were skipped
     */
    @Schema(name = "SyncJobCounts")
    record Counts(int fetched, @JsonProperty("new") int newLines, int duplicates, int errors) {}

    /**
     * @param code stable, e.g. PROVIDER_UNAVAILABLE, RATE_LIMITED, CONSENT_EXPIRED, TOKEN_EXPIRED
     * @param message for people; never secrets or raw provider answers
     * @param retryable whether the same job may succeed later without anyone changing anything
     */
    @Schema(name = "SyncJobFailure")
    record Failure(String code, String message, boolean retryable) {}

    static SyncJobResponse of(SyncJob job) {
        SyncFailure failure = job.failure();
        return new SyncJobResponse(
                job.id(),
                job.connectionId(),
                job.accountId(),
                job.provider(),
                job.reason().name(),
                job.status().name(),
                job.requestedFrom(),
                job.requestedTo(),
                job.requestedAt(),
                job.startedAt(),
                job.finishedAt(),
                job.attempts(),
                new Counts(
                        job.counts().fetched(),
                        job.counts().newLines(),
                        job.counts().duplicates(),
                        job.counts().errors()),
                failure == null ? null : new Failure(failure.code(), failure.message(), failure.retryable()));
    }
}
