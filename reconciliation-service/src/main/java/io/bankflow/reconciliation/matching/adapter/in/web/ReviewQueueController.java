package io.bankflow.reconciliation.matching.adapter.in.web;

import io.bankflow.httpapi.InvalidParameterException;
import io.bankflow.httpapi.paging.PageCursors;
import io.bankflow.httpapi.paging.PageSizes;
import io.bankflow.httpapi.security.Caller;
import io.bankflow.httpapi.security.Role;
import io.bankflow.reconciliation.expectedpayments.domain.CustomerCode;
import io.bankflow.reconciliation.matching.application.GetReviewItem;
import io.bankflow.reconciliation.matching.application.ListReviewItems;
import io.bankflow.reconciliation.matching.application.MatchReviewItem;
import io.bankflow.reconciliation.matching.application.port.out.DepositMatches;
import io.bankflow.reconciliation.matching.domain.DepositMatch;
import io.bankflow.reconciliation.matching.domain.ReviewStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review queue of the caller's organisation: credits nobody could match automatically. Any caller of the
 * organisation may read it; matching an item needs the {@code finance} or {@code admin} role. Another organisation's
 * item is not found.
 */
@RestController
@RequestMapping(path = ReviewQueueController.BASE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Review queue", description = "Credits that could not be matched automatically, for a person to match.")
class ReviewQueueController {

    static final String BASE_PATH = "/api/banking/review-queue";

    private final ListReviewItems listItems;
    private final GetReviewItem getItem;
    private final MatchReviewItem matchItem;

    ReviewQueueController(ListReviewItems listItems, GetReviewItem getItem, MatchReviewItem matchItem) {
        this.listItems = listItems;
        this.getItem = getItem;
        this.matchItem = matchItem;
    }

    @GetMapping
    @Operation(
            summary = "List review items",
            description = "The organisation's items in one status (default OPEN), oldest first, a page at a time.")
    @ApiResponse(responseCode = "200", description = "A page; nextCursor is null on the last one.")
    @ApiResponse(
            responseCode = "400",
            description = "Unknown status, limit out of range, or a cursor this API did not return.")
    ReviewItemPageResponse list(
            Caller caller,
            @Parameter(description = "OPEN (default), RESOLVED or DISMISSED.") @RequestParam(required = false) @Nullable
                    String status,
            @Parameter(description = "Page size, 1 to 100 (default 50).") @RequestParam(required = false) @Nullable
                    Integer limit,
            @Parameter(description = "nextCursor of the previous page.") @RequestParam(required = false) @Nullable
                    String cursor) {
        ReviewStatus wanted = status(status);
        int pageSize = PageSizes.resolve(limit);
        DepositMatches.Position after = PageCursors.after(cursor, DepositMatches.Position::new);
        ListReviewItems.Page page = listItems.list(caller.orgId(), wanted, after, pageSize);
        return new ReviewItemPageResponse(
                page.items().stream().map(ReviewItemResponse::of).toList(),
                page.next() == null
                        ? null
                        : PageCursors.encode(
                                page.next().createdAt(), page.next().id()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a review item")
    @ApiResponse(responseCode = "200", description = "The item.")
    @ApiResponse(responseCode = "404", description = "No such item in the caller's organisation.")
    ReviewItemResponse get(Caller caller, @PathVariable UUID id) {
        return ReviewItemResponse.of(getItem.get(caller.orgId(), id));
    }

    @PostMapping(path = "/{id}/match", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Match a review item to a customer",
            description = "Resolves the item with a MANUAL match to the customer code's active expected payment and"
                    + " publishes DepositMatched. Requires the finance or admin role.")
    @ApiResponse(responseCode = "200", description = "The match made.")
    @ApiResponse(responseCode = "400", description = "Invalid body (errors lists the fields).")
    @ApiResponse(responseCode = "403", description = "The caller has neither the finance nor the admin role.")
    @ApiResponse(responseCode = "404", description = "No such item in the caller's organisation.")
    @ApiResponse(responseCode = "409", description = "The item is not open any more (type review-item-not-open).")
    @ApiResponse(
            responseCode = "422",
            description = "The customer code has no active expected payment (type unknown-customer-code).")
    DepositMatchResponse match(Caller caller, @PathVariable UUID id, @Valid @RequestBody ManualMatchRequest request) {
        caller.requireAnyOf(Role.FINANCE, Role.ADMIN);
        DepositMatch match =
                matchItem.match(caller.orgId(), id, new CustomerCode(request.customerCode()), caller.clientId());
        return DepositMatchResponse.of(match);
    }

    private static ReviewStatus status(@Nullable String status) {
        if (status == null) {
            return ReviewStatus.OPEN;
        }
        try {
            return ReviewStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("status", "must be OPEN, RESOLVED or DISMISSED");
        }
    }
}
