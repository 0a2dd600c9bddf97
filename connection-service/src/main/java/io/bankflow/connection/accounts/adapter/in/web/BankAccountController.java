package io.bankflow.connection.accounts.adapter.in.web;

import io.bankflow.connection.accounts.application.ActivateBankAccount;
import io.bankflow.connection.accounts.application.CreateBankAccount;
import io.bankflow.connection.accounts.application.DeactivateBankAccount;
import io.bankflow.connection.accounts.application.GetBankAccount;
import io.bankflow.connection.accounts.application.ListBankAccounts;
import io.bankflow.connection.accounts.application.port.out.BankAccounts;
import io.bankflow.connection.accounts.domain.Currencies;
import io.bankflow.connection.accounts.domain.GlCode;
import io.bankflow.connection.accounts.domain.Iban;
import io.bankflow.connection.accounts.domain.InvalidAccountDetail;
import io.bankflow.connection.apisupport.InvalidFieldException;
import io.bankflow.httpapi.FieldViolation;
import io.bankflow.httpapi.IdempotencyKeyHeader;
import io.bankflow.httpapi.paging.PageCursors;
import io.bankflow.httpapi.paging.PageSizes;
import io.bankflow.httpapi.security.Caller;
import io.bankflow.httpapi.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bank accounts of the caller's organisation (ADR 0002). Registering, deactivating and activating need the
 * {@code finance} or {@code admin} role; any caller of the organisation may read. Another organisation's account is
 * not found.
 */
@RestController
@RequestMapping(path = BankAccountController.BASE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Bank accounts",
        description = "The organisation's bank accounts: GL code, currency, IBAN (shown masked), default per currency.")
class BankAccountController {

    static final String BASE_PATH = "/api/banking/accounts";
    private final CreateBankAccount createAccount;
    private final ListBankAccounts listAccounts;
    private final GetBankAccount getAccount;
    private final DeactivateBankAccount deactivateAccount;
    private final ActivateBankAccount activateAccount;

    BankAccountController(
            CreateBankAccount createAccount,
            ListBankAccounts listAccounts,
            GetBankAccount getAccount,
            DeactivateBankAccount deactivateAccount,
            ActivateBankAccount activateAccount) {
        this.createAccount = createAccount;
        this.listAccounts = listAccounts;
        this.getAccount = getAccount;
        this.deactivateAccount = deactivateAccount;
        this.activateAccount = activateAccount;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Register a bank account",
            description = "Registers an active bank account. The IBAN is checked (ISO 13616 mod 97 and the country's"
                    + " length) and registered once per organisation. isDefault makes it the default for its currency"
                    + " and ends the previous default's role in the same transaction. With an Idempotency-Key,"
                    + " retrying the same request within 24 hours returns the same account. Requires the finance or"
                    + " admin role.")
    @ApiResponse(
            responseCode = "201",
            description = "Created (or, with header Idempotent-Replayed: true, created by an earlier request with the"
                    + " same Idempotency-Key).",
            headers = {
                @Header(name = "Location", description = "The new account's URL."),
                @Header(
                        name = IdempotencyKeyHeader.IDEMPOTENT_REPLAYED,
                        description = "true when this replays an earlier creation.")
            })
    @ApiResponse(
            responseCode = "400",
            description = "Invalid body (errors lists the fields: a bad IBAN, an unknown currency, a missing GL code),"
                    + " or an invalid Idempotency-Key.")
    @ApiResponse(responseCode = "403", description = "The caller has neither the finance nor the admin role.")
    @ApiResponse(
            responseCode = "409",
            description = "The IBAN is already registered (type iban-already-registered, member existingId), or a"
                    + " request with the same Idempotency-Key is still running (type idempotency-key-in-use).")
    @ApiResponse(
            responseCode = "422",
            description = "The Idempotency-Key was used before for a different request (type idempotency-key-reused).")
    ResponseEntity<BankAccountResponse> create(
            Caller caller,
            @Valid @RequestBody CreateBankAccountRequest request,
            @Parameter(description = "Makes retries safe: the same key with the same body returns the first response.")
                    @RequestHeader(name = IdempotencyKeyHeader.IDEMPOTENCY_KEY, required = false)
                    @Nullable
                    String idempotencyKey) {
        caller.requireAnyOf(Role.FINANCE, Role.ADMIN);
        IdempotencyKeyHeader.checked(idempotencyKey);
        // Every field is checked before answering, so a client learns all its mistakes at once.
        List<FieldViolation> violations = new ArrayList<>();
        GlCode glCode = checked(violations, () -> new GlCode(request.requiredGlCode()));
        Currency currency = checked(violations, () -> Currencies.parse(request.requiredCurrency()));
        Iban iban = checked(violations, () -> Iban.parse(request.requiredIban()));
        if (glCode == null || currency == null || iban == null) {
            throw new InvalidFieldException(violations);
        }
        CreateBankAccount.Created created = createAccount.create(new CreateBankAccount.Command(
                caller.orgId(),
                glCode,
                currency,
                iban,
                request.name(),
                Boolean.TRUE.equals(request.isDefault()),
                idempotencyKey));
        ResponseEntity.BodyBuilder response = ResponseEntity.created(
                URI.create(BASE_PATH + "/" + created.account().id()));
        if (created.replayed()) {
            response.header(IdempotencyKeyHeader.IDEMPOTENT_REPLAYED, "true");
        }
        return response.body(BankAccountResponse.of(created.account()));
    }

    @GetMapping
    @Operation(
            summary = "List bank accounts",
            description = "The organisation's bank accounts, active and inactive, newest first, a page at a time.")
    @ApiResponse(responseCode = "200", description = "A page; nextCursor is null on the last one.")
    @ApiResponse(responseCode = "400", description = "limit out of range, or a cursor this API did not return.")
    BankAccountPageResponse list(
            Caller caller,
            @Parameter(description = "Page size, 1 to 100 (default 50).") @RequestParam(required = false) @Nullable
                    Integer limit,
            @Parameter(description = "nextCursor of the previous page.") @RequestParam(required = false) @Nullable
                    String cursor) {
        int pageSize = PageSizes.resolve(limit);
        BankAccounts.Position after = PageCursors.after(cursor, BankAccounts.Position::new);
        ListBankAccounts.Page page = listAccounts.list(caller.orgId(), after, pageSize);
        return new BankAccountPageResponse(
                page.items().stream().map(BankAccountResponse::of).toList(),
                page.next() == null
                        ? null
                        : PageCursors.encode(
                                page.next().createdAt(), page.next().id()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a bank account")
    @ApiResponse(responseCode = "200", description = "The account.")
    @ApiResponse(responseCode = "404", description = "No such account in the caller's organisation.")
    BankAccountResponse get(Caller caller, @PathVariable UUID id) {
        return BankAccountResponse.of(getAccount.get(caller.orgId(), id));
    }

    @PostMapping("/{id}/deactivate")
    @Operation(
            summary = "Deactivate a bank account",
            description = "Takes the account out of use; it also stops being its currency's default. Deactivating"
                    + " twice is harmless. Requires the finance or admin role.")
    @ApiResponse(responseCode = "200", description = "The account, inactive.")
    @ApiResponse(responseCode = "403", description = "The caller has neither the finance nor the admin role.")
    @ApiResponse(responseCode = "404", description = "No such account in the caller's organisation.")
    BankAccountResponse deactivate(Caller caller, @PathVariable UUID id) {
        caller.requireAnyOf(Role.FINANCE, Role.ADMIN);
        return BankAccountResponse.of(deactivateAccount.deactivate(caller.orgId(), id));
    }

    @PostMapping("/{id}/activate")
    @Operation(
            summary = "Activate a bank account",
            description = "Puts the account back in use (it does not become the default again). Activating an active"
                    + " account is harmless. Requires the finance or admin role.")
    @ApiResponse(responseCode = "200", description = "The account, active.")
    @ApiResponse(responseCode = "403", description = "The caller has neither the finance nor the admin role.")
    @ApiResponse(responseCode = "404", description = "No such account in the caller's organisation.")
    BankAccountResponse activate(Caller caller, @PathVariable UUID id) {
        caller.requireAnyOf(Role.FINANCE, Role.ADMIN);
        return BankAccountResponse.of(activateAccount.activate(caller.orgId(), id));
    }

    private static <T> @Nullable T checked(List<FieldViolation> violations, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidAccountDetail invalid) {
            violations.add(new FieldViolation(invalid.field(), invalid.getMessage()));
            return null;
        }
    }
}
