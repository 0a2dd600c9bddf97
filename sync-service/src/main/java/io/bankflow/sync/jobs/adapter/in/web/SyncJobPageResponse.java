package io.bankflow.sync.jobs.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of sync jobs.
 *
 * @param items the jobs, newest first
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
@Schema(name = "SyncJobPage")
record SyncJobPageResponse(
        List<SyncJobResponse> items,
        @Schema(nullable = true) @Nullable String nextCursor) {}
