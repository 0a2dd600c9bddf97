package io.bankflow.reconciliation.matching.adapter.in.web;

import io.bankflow.httpapi.paging.PageCursors;
import io.bankflow.httpapi.paging.PageSizes;
import io.bankflow.httpapi.security.Caller;
import io.bankflow.reconciliation.matching.application.ListDepositMatches;
import io.bankflow.reconciliation.matching.application.port.out.DepositMatches;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Deposit matches of the caller's organisation, automatic and manual. Any caller of the organisation may read. */
@RestController
@RequestMapping(path = DepositMatchController.BASE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reconciliation", description = "Credits matched to customers.")
class DepositMatchController {

    static final String BASE_PATH = "/api/banking/reconciliation/matches";

    private final ListDepositMatches listMatches;

    DepositMatchController(ListDepositMatches listMatches) {
        this.listMatches = listMatches;
    }

    @GetMapping
    @Operation(
            summary = "List deposit matches",
            description = "The organisation's matches, optionally of one account, newest first, a page at a time.")
    @ApiResponse(responseCode = "200", description = "A page; nextCursor is null on the last one.")
    @ApiResponse(
            responseCode = "400",
            description = "accountId not a UUID, limit out of range, or a cursor this API did not return.")
    DepositMatchPageResponse list(
            Caller caller,
            @Parameter(description = "Only this bank account's matches.") @RequestParam(required = false) @Nullable
                    UUID accountId,
            @Parameter(description = "Page size, 1 to 100 (default 50).") @RequestParam(required = false) @Nullable
                    Integer limit,
            @Parameter(description = "nextCursor of the previous page.") @RequestParam(required = false) @Nullable
                    String cursor) {
        int pageSize = PageSizes.resolve(limit);
        DepositMatches.Position after = PageCursors.after(cursor, DepositMatches.Position::new);
        ListDepositMatches.Page page = listMatches.list(caller.orgId(), accountId, after, pageSize);
        return new DepositMatchPageResponse(
                page.items().stream().map(DepositMatchResponse::of).toList(),
                page.next() == null
                        ? null
                        : PageCursors.encode(
                                page.next().createdAt(), page.next().id()));
    }
}
