package io.bankflow.sync.jobs.adapter.in.web;

import io.bankflow.httpapi.InvalidParameterException;
import io.bankflow.httpapi.RequestIds;
import io.bankflow.httpapi.paging.PageCursors;
import io.bankflow.httpapi.paging.PageSizes;
import io.bankflow.httpapi.security.Caller;
import io.bankflow.httpapi.security.Role;
import io.bankflow.sync.jobs.application.ReadSyncJobs;
import io.bankflow.sync.jobs.application.RequestSync;
import io.bankflow.sync.jobs.application.port.out.SyncJobs;
import io.bankflow.sync.jobs.domain.SyncJob;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.InetAddress;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sync jobs of the caller's organisation: request one now, follow it, list them. Jobs also start on their own (a
 * connection's first activation, its schedule, a provider's webhook); they are listed here alike.
 */
@RestController
@RequestMapping(path = SyncJobController.BASE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Sync jobs", description = "Fetching statements from banks and payment providers.")
class SyncJobController {

    static final String BASE_PATH = "/api/banking/sync-jobs";

    private final RequestSync requestSync;
    private final ReadSyncJobs readJobs;

    SyncJobController(RequestSync requestSync, ReadSyncJobs readJobs) {
        this.requestSync = requestSync;
        this.readJobs = readJobs;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Sync a connection now",
            description = "Queues a MANUAL sync job of the connection and answers at once; follow it at the Location."
                    + " Lines already stored are never stored or published again, so syncing the same dates twice"
                    + " adds nothing. Requires the finance or admin role.")
    @ApiResponse(
            responseCode = "202",
            description = "Queued.",
            headers = @Header(name = "Location", description = "The job's URL."))
    @ApiResponse(
            responseCode = "400",
            description = "Invalid body: connectionId missing or not a UUID, a date malformed, in the future, more"
                    + " than 730 days back, or dateFrom after dateTo, or psuIpAddress not an IP address.")
    @ApiResponse(responseCode = "403", description = "The caller has neither the finance nor the admin role.")
    @ApiResponse(
            responseCode = "404",
            description = "The organisation has no such connection, or it was never activated.")
    ResponseEntity<SyncJobResponse> create(Caller caller, @Valid @RequestBody CreateSyncJobRequest request) {
        caller.requireAnyOf(Role.FINANCE, Role.ADMIN);
        try {
            requestSync.checkRequestedWindow(request.dateFrom(), request.dateTo());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(
                    e.getMessage().startsWith("dateFrom") ? "dateFrom" : "dateTo", e.getMessage());
        }
        String psuIpAddress = request.psuIpAddress();
        if (psuIpAddress != null && !isIpLiteral(psuIpAddress)) {
            throw new InvalidParameterException("psuIpAddress", "must be an IPv4 or IPv6 address literal");
        }
        String correlationId = Objects.requireNonNullElseGet(
                MDC.get(RequestIds.MDC_KEY), () -> UUID.randomUUID().toString());
        SyncJob job = requestSync.manual(
                caller.orgId(),
                Objects.requireNonNull(request.connectionId()),
                request.dateFrom(),
                request.dateTo(),
                caller.clientId(),
                psuIpAddress,
                correlationId);
        return ResponseEntity.accepted()
                .location(URI.create(BASE_PATH + "/" + job.id()))
                .body(SyncJobResponse.of(job));
    }

    private static boolean isIpLiteral(String text) {
        if (text.length() > 45) {
            return false;
        }
        try {
            InetAddress.ofLiteral(text); // never a DNS lookup
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a sync job", description = "The job with its status, counts and failure, if any.")
    @ApiResponse(responseCode = "200", description = "The job.")
    @ApiResponse(responseCode = "404", description = "The organisation has no such job.")
    SyncJobResponse get(Caller caller, @PathVariable UUID id) {
        return SyncJobResponse.of(readJobs.get(caller.orgId(), id));
    }

    @GetMapping
    @Operation(
            summary = "List sync jobs",
            description = "The organisation's sync jobs, optionally of one connection, newest first, a page at a time.")
    @ApiResponse(responseCode = "200", description = "A page; nextCursor is null on the last one.")
    @ApiResponse(
            responseCode = "400",
            description = "connectionId not a UUID, limit out of range, or a cursor this API did not return.")
    SyncJobPageResponse list(
            Caller caller,
            @Parameter(description = "Only this connection's jobs.") @RequestParam(required = false) @Nullable
                    UUID connectionId,
            @Parameter(description = "Page size, 1 to 100 (default 50).") @RequestParam(required = false) @Nullable
                    Integer limit,
            @Parameter(description = "nextCursor of the previous page.") @RequestParam(required = false) @Nullable
                    String cursor) {
        int pageSize = PageSizes.resolve(limit);
        SyncJobs.Position after = PageCursors.after(cursor, SyncJobs.Position::new);
        ReadSyncJobs.Page page = readJobs.list(caller.orgId(), connectionId, after, pageSize);
        return new SyncJobPageResponse(
                page.items().stream().map(SyncJobResponse::of).toList(),
                page.next() == null
                        ? null
                        : PageCursors.encode(
                                page.next().requestedAt(), page.next().id()));
    }
}
