package io.bankflow.sync.jobs.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/banking/sync-jobs}.
 *
 * @param connectionId the connection to sync
 * @param dateFrom first booking date (inclusive); absent: continue from the last sync (with a few days' overlap)
 * @param dateTo last booking date (inclusive); absent: today
 * @param psuIpAddress the IP address of the person asking, when one is present
 */
@Schema(name = "CreateSyncJob")
record CreateSyncJobRequest(
        @NotNull @Schema(description = "The connection to sync.") @Nullable
        UUID connectionId,

        @Schema(
                description = "First booking date (inclusive), at most 730 days back. Absent: continue from"
                        + " the last completed sync, with 7 days' overlap; 90 days for a first sync.",
                nullable = true)
        @Nullable
        LocalDate dateFrom,

        @Schema(description = "Last booking date (inclusive). Absent: today.", nullable = true) @Nullable
        LocalDate dateTo,

        @Schema(
                description = "IP address (IPv4 or IPv6 literal) of the person asking, when a person is present"
                        + " in the ERP. PSD2 banks then do not count the reads against the consent's 4"
                        + " unattended reads a day. Kept only until the job finishes.",
                nullable = true)
        @Nullable
        String psuIpAddress) {}
