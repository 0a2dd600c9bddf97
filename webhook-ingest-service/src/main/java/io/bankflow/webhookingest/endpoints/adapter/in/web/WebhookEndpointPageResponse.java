package io.bankflow.webhookingest.endpoints.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of webhook endpoints.
 *
 * @param items the endpoints, newest first
 * @param nextCursor pass as {@code cursor} to get the next page; null on the last page
 */
record WebhookEndpointPageResponse(
        List<WebhookEndpointResponse> items,

        @Schema(
                description = "Opaque; pass as the cursor parameter for the next page. Null on the last page.",
                nullable = true)
        @Nullable
        String nextCursor) {}
