package io.bankflow.connection.connections.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of connections.
 *
 * @param items the connections, newest first
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
@Schema(name = "ConnectionPage")
record ConnectionPageResponse(
        List<ConnectionResponse> items,
        @Schema(nullable = true) @Nullable String nextCursor) {}
