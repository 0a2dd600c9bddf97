package io.bankflow.connection.connections.adapter.in.web;

import io.bankflow.connection.connections.domain.StatusChange;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A connection's history, oldest first.
 *
 * @param items every status change
 */
@Schema(name = "ConnectionHistory")
record ConnectionHistoryResponse(List<Change> items) {

    static ConnectionHistoryResponse of(List<StatusChange> changes) {
        return new ConnectionHistoryResponse(changes.stream()
                .map(change -> new Change(
                        change.from() == null ? null : change.from().name(),
                        change.to().name(),
                        change.reason(),
                        change.detail(),
                        change.actor(),
                        change.at()))
                .toList());
    }

    /**
     * One change.
     *
     * @param from the status before; null for the creation
     * @param to the status after
     * @param reason a stable code, e.g. {@code consent-expired}
     * @param detail for people
     * @param actor the API client that caused it; null when the system did
     * @param changedAt when
     */
    @Schema(name = "ConnectionStatusChange")
    record Change(
            @Schema(nullable = true) @Nullable String from,
            String to,

            @Schema(
                    example = "consent-expired",
                    description = "created, authorized, authorization-failed, consent-expiring, consent-expired,"
                            + " token-refresh-failed, revoked-by-provider, expired, sync-failed, sync-recovered,"
                            + " reauthorized, disconnected")
            String reason,

            String detail,
            @Schema(nullable = true) @Nullable String actor,
            Instant changedAt) {}
}
