package io.bankflow.reconciliation.expectedpayments.adapter.in.web;

import io.bankflow.httpapi.IdempotencyKeyHeader;
import io.bankflow.httpapi.paging.PageCursors;
import io.bankflow.httpapi.paging.PageSizes;
import io.bankflow.httpapi.security.Caller;
import io.bankflow.httpapi.security.Role;
import io.bankflow.reconciliation.apisupport.InvalidFieldException;
import io.bankflow.reconciliation.expectedpayments.application.CreateExpectedPayment;
import io.bankflow.reconciliation.expectedpayments.application.DeactivateExpectedPayment;
import io.bankflow.reconciliation.expectedpayments.application.GetExpectedPayment;
import io.bankflow.reconciliation.expectedpayments.application.ListExpectedPayments;
import io.bankflow.reconciliation.expectedpayments.application.port.out.ExpectedPayments;
import io.bankflow.reconciliation.expectedpayments.domain.CustomerCode;
import io.bankflow.reconciliation.expectedpayments.domain.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Expected payments of the caller's organisation (ADR 0002). Creating and deactivating need the {@code finance} or
 * {@code admin} role; any caller of the organisation may read. Another organisation's expected payment is not found.
 */
@RestController
@RequestMapping(path = ExpectedPaymentController.BASE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Expected payments",
        description = "What the organisation expects to be paid, by customer code: credits carrying an active code are"
                + " matched to it.")
class ExpectedPaymentController {

    static final String BASE_PATH = "/api/banking/expected-payments";
    static final String IDEMPOTENCY_KEY = IdempotencyKeyHeader.IDEMPOTENCY_KEY;
    static final String IDEMPOTENT_REPLAYED = IdempotencyKeyHeader.IDEMPOTENT_REPLAYED;

    private final CreateExpectedPayment createPayment;
    private final ListExpectedPayments listPayments;
    private final GetExpectedPayment getPayment;
    private final DeactivateExpectedPayment deactivatePayment;

    ExpectedPaymentController(
            CreateExpectedPayment createPayment,
            ListExpectedPayments listPayments,
            GetExpectedPayment getPayment,
            DeactivateExpectedPayment deactivatePayment) {
        this.createPayment = createPayment;
        this.listPayments = listPayments;
        this.getPayment = getPayment;
        this.deactivatePayment = deactivatePayment;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Create an expected payment",
            description = "Registers an active expected payment for a customer code. At most one active expected"
                    + " payment per customer code. With an Idempotency-Key, retrying the same request within 24 hours"
                    + " returns the same expected payment. Requires the finance or admin role.")
    @ApiResponse(
            responseCode = "201",
            description = "Created (or, with header Idempotent-Replayed: true, created by an earlier request with the"
                    + " same Idempotency-Key).",
            headers = {
                @Header(name = "Location", description = "The new expected payment's URL."),
                @Header(name = IDEMPOTENT_REPLAYED, description = "true when this replays an earlier creation.")
            })
    @ApiResponse(
            responseCode = "400",
            description = "Invalid body (errors lists the fields), or an invalid Idempotency-Key.")
    @ApiResponse(responseCode = "403", description = "The caller has neither the finance nor the admin role.")
    @ApiResponse(
            responseCode = "409",
            description = "The customer code already has an active expected payment (type customer-code-in-use,"
                    + " member existingId).")
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used before for a different request.")
    ResponseEntity<ExpectedPaymentResponse> create(
            Caller caller,
            @Valid @RequestBody CreateExpectedPaymentRequest request,
            @Parameter(description = "Makes retries safe: the same key with the same body returns the first response.")
                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    @Nullable
                    String idempotencyKey) {
        caller.requireAnyOf(Role.FINANCE, Role.ADMIN);
        IdempotencyKeyHeader.checked(idempotencyKey);
        CreateExpectedPayment.Created created = createPayment.create(new CreateExpectedPayment.Command(
                caller.orgId(),
                new CustomerCode(request.customerCode()),
                blankToNull(request.customerName()),
                money(request.expectedAmount()),
                blankToNull(request.reference()),
                idempotencyKey));
        ResponseEntity.BodyBuilder response = ResponseEntity.created(
                URI.create(BASE_PATH + "/" + created.payment().id()));
        if (created.replayed()) {
            response.header(IDEMPOTENT_REPLAYED, "true");
        }
        return response.body(ExpectedPaymentResponse.of(created.payment()));
    }

    @GetMapping
    @Operation(
            summary = "List expected payments",
            description = "The organisation's expected payments, active and deactivated, newest first, a page at a"
                    + " time.")
    @ApiResponse(responseCode = "200", description = "A page; nextCursor is null on the last one.")
    @ApiResponse(responseCode = "400", description = "limit out of range, or a cursor this API did not return.")
    ExpectedPaymentPageResponse list(
            Caller caller,
            @Parameter(description = "Page size, 1 to 100 (default 50).") @RequestParam(required = false) @Nullable
                    Integer limit,
            @Parameter(description = "nextCursor of the previous page.") @RequestParam(required = false) @Nullable
                    String cursor) {
        int pageSize = PageSizes.resolve(limit);
        ExpectedPayments.Position after = PageCursors.after(cursor, ExpectedPayments.Position::new);
        ListExpectedPayments.Page page = listPayments.list(caller.orgId(), after, pageSize);
        return new ExpectedPaymentPageResponse(
                page.items().stream().map(ExpectedPaymentResponse::of).toList(),
                page.next() == null
                        ? null
                        : PageCursors.encode(
                                page.next().createdAt(), page.next().id()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get an expected payment")
    @ApiResponse(responseCode = "200", description = "The expected payment.")
    @ApiResponse(responseCode = "404", description = "No such expected payment in the caller's organisation.")
    ExpectedPaymentResponse get(Caller caller, @PathVariable UUID id) {
        return ExpectedPaymentResponse.of(getPayment.get(caller.orgId(), id));
    }

    @DeleteMapping("/{id}")
    @Operation(
            summary = "Deactivate an expected payment",
            description = "Credits carrying its code are no longer matched to it and the code is free for a new"
                    + " expected payment; it stays listed as inactive. Deactivating twice is harmless. Requires the"
                    + " finance or admin role.")
    @ApiResponse(responseCode = "204", description = "Deactivated.")
    @ApiResponse(responseCode = "403", description = "The caller has neither the finance nor the admin role.")
    @ApiResponse(responseCode = "404", description = "No such expected payment in the caller's organisation.")
    ResponseEntity<Void> deactivate(Caller caller, @PathVariable UUID id) {
        caller.requireAnyOf(Role.FINANCE, Role.ADMIN);
        deactivatePayment.deactivate(caller.orgId(), id);
        return ResponseEntity.noContent().build();
    }

    private static @Nullable Money money(CreateExpectedPaymentRequest.@Nullable AmountRequest request) {
        if (request == null) {
            return null;
        }
        if (!Money.isCurrency(request.currency())) {
            throw new InvalidFieldException("expectedAmount.currency", "must be an ISO 4217 currency code");
        }
        BigDecimal amount = new BigDecimal(request.amount());
        if (amount.signum() <= 0) {
            throw new InvalidFieldException("expectedAmount.amount", "must be greater than zero");
        }
        return new Money(amount, request.currency());
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
