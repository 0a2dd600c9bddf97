package io.bankflow.reconciliation.matching.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of review items.
 *
 * @param items oldest first
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
record ReviewItemPageResponse(
        List<ReviewItemResponse> items,

        @Schema(
                description = "Opaque; pass as the cursor parameter for the next page. Null on the last page.",
                nullable = true)
        @Nullable
        String nextCursor) {}
