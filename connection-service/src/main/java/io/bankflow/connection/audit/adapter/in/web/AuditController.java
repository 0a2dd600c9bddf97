package io.bankflow.connection.audit.adapter.in.web;

import io.bankflow.connection.audit.application.ListAuditEntries;
import io.bankflow.connection.audit.application.port.out.AuditEntries;
import io.bankflow.connection.audit.domain.AuditEntry;
import io.bankflow.httpapi.paging.PageCursors;
import io.bankflow.httpapi.paging.PageSizes;
import io.bankflow.httpapi.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The organisation's audit trail; any caller of the organisation may read it. */
@RestController
@RequestMapping(path = "/api/banking/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit", description = "Who changed sync schedules and verified 2FA challenges, and when.")
class AuditController {

    private final ListAuditEntries listAuditEntries;

    AuditController(ListAuditEntries listAuditEntries) {
        this.listAuditEntries = listAuditEntries;
    }

    /**
     * One entry.
     *
     * @param actor the API client (token's client id) that did it; null when the system did
     */
    @Schema(name = "AuditEntry")
    record EntryResponse(
            UUID id,
            UUID connectionId,
            String action,
            @Nullable String actor,
            String details,
            Instant occurredAt) {

        static EntryResponse of(AuditEntry entry) {
            return new EntryResponse(
                    entry.id(),
                    entry.connectionId(),
                    entry.action(),
                    entry.actor(),
                    entry.details(),
                    entry.occurredAt());
        }
    }

    /** @param nextCursor pass as {@code cursor} for the next page; null on the last page */
    @Schema(name = "AuditPage")
    record PageResponse(
            List<EntryResponse> items,
            @Schema(nullable = true) @Nullable String nextCursor) {}

    @GetMapping
    @Operation(summary = "Read the audit trail", description = "Newest first, optionally of one connection.")
    PageResponse list(
            Caller caller,
            @Parameter(description = "Only this connection's entries.") @RequestParam(required = false) @Nullable
                    UUID connectionId,
            @Parameter(description = "Page size, 1 to 100 (default 50).") @RequestParam(required = false) @Nullable
                    Integer limit,
            @Parameter(description = "nextCursor of the previous page.") @RequestParam(required = false) @Nullable
                    String cursor) {
        int pageSize = PageSizes.resolve(limit);
        AuditEntries.Position after = PageCursors.after(cursor, AuditEntries.Position::new);
        ListAuditEntries.Page page = listAuditEntries.list(caller.orgId(), connectionId, after, pageSize);
        return new PageResponse(
                page.items().stream().map(EntryResponse::of).toList(),
                page.next() == null
                        ? null
                        : PageCursors.encode(
                                page.next().occurredAt(), page.next().id()));
    }
}
