package io.bankflow.connection.connections.adapter.in.web;

import io.bankflow.connection.apisupport.InvalidFieldException;
import io.bankflow.connection.connections.application.CreateConnection;
import io.bankflow.connection.connections.application.DisconnectConnection;
import io.bankflow.connection.connections.application.GetConnection;
import io.bankflow.connection.connections.application.GetConnectionHistory;
import io.bankflow.connection.connections.application.ListConnections;
import io.bankflow.connection.connections.application.ReauthorizeConnection;
import io.bankflow.connection.connections.application.port.out.Connections;
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
import java.util.Objects;
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
 * Bank connections of the caller's organisation (ADR 0002). Creating one needs the {@code finance} or {@code admin}
 * role; any caller of the organisation may read. Another organisation's connection is not found.
 */
@RestController
@RequestMapping(path = ConnectionController.BASE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Connections",
        description = "Connecting registered bank accounts to their bank: the PSD2 consent and the user's OAuth2"
                + " authorisation.")
class ConnectionController {

    static final String BASE_PATH = "/api/banking/connections";
    static final String SANDBOX = "sandbox";

    private final CreateConnection createConnection;
    private final GetConnection getConnection;
    private final ListConnections listConnections;
    private final ReauthorizeConnection reauthorizeConnection;
    private final DisconnectConnection disconnectConnection;
    private final GetConnectionHistory getConnectionHistory;

    ConnectionController(
            CreateConnection createConnection,
            GetConnection getConnection,
            ListConnections listConnections,
            ReauthorizeConnection reauthorizeConnection,
            DisconnectConnection disconnectConnection,
            GetConnectionHistory getConnectionHistory) {
        this.createConnection = createConnection;
        this.getConnection = getConnection;
        this.listConnections = listConnections;
        this.reauthorizeConnection = reauthorizeConnection;
        this.disconnectConnection = disconnectConnection;
        this.getConnectionHistory = getConnectionHistory;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Connect a bank account",
            description = "Creates the consent at the bank for the registered account and answers the authorization"
                    + " URL to send the user to (OAuth2 authorization code with PKCE S256; its state is single-use and"
                    + " expires in 10 minutes). The connection is PENDING_CONSENT until the bank sends the user back to"
                    + " /oauth/callback. With an Idempotency-Key, retrying the same request within 24 hours returns the"
                    + " same connection (header Idempotent-Replayed: true) and creates no second consent. The first"
                    + " authorization URL is never stored (its state is a one-time secret kept only as a hash), so a"
                    + " replay of a connection still PENDING_CONSENT answers a fresh authorizationUrl for the same"
                    + " consent (new state and PKCE) and every earlier one stops working; a replay of a connection that"
                    + " is no longer PENDING_CONSENT answers it without authorizationUrl. Requires the finance or admin"
                    + " role.")
    @ApiResponse(
            responseCode = "201",
            description = "Created, with authorizationUrl (or, with header Idempotent-Replayed: true, created by an"
                    + " earlier request with the same Idempotency-Key).",
            headers = {
                @Header(name = "Location", description = "The new connection's URL."),
                @Header(
                        name = IdempotencyKeyHeader.IDEMPOTENT_REPLAYED,
                        description = "true when this replays an earlier creation.")
            })
    @ApiResponse(
            responseCode = "400",
            description = "Invalid body (errors lists the fields): unknown provider or environment; or an invalid"
                    + " Idempotency-Key.")
    @ApiResponse(responseCode = "403", description = "The caller has neither the finance nor the admin role.")
    @ApiResponse(
            responseCode = "409",
            description = "A request with the same Idempotency-Key is still running (idempotency-key-in-use).")
    @ApiResponse(
            responseCode = "422",
            description = "The bank account is unknown in the organisation (unknown-bank-account) or deactivated"
                    + " (bank-account-inactive), the bank refused the consent (consent-refused), or the"
                    + " Idempotency-Key was used before for a different request (idempotency-key-reused).")
    @ApiResponse(
            responseCode = "502",
            description = "The bank could not be reached (provider-unavailable); try again later.")
    ResponseEntity<ConnectionResponse> create(
            Caller caller,
            @Valid @RequestBody CreateConnectionRequest request,
            @Parameter(
                            description = "Makes retries safe: the same key with the same body returns the same"
                                    + " connection (with a fresh authorizationUrl while it is PENDING_CONSENT).")
                    @RequestHeader(name = IdempotencyKeyHeader.IDEMPOTENCY_KEY, required = false)
                    @Nullable
                    String idempotencyKey) {
        caller.requireAnyOf(Role.FINANCE, Role.ADMIN);
        IdempotencyKeyHeader.checked(idempotencyKey);
        String provider = Objects.requireNonNull(request.provider());
        String environment = Objects.requireNonNull(request.environment());
        if (!createConnection.supports(provider)) {
            throw new InvalidFieldException("provider", "must be a supported provider: sandbox-bank");
        }
        if (!environment.equals(SANDBOX)) {
            throw new InvalidFieldException("environment", "must be 'sandbox' for this provider");
        }
        CreateConnection.Started started = createConnection.create(new CreateConnection.Command(
                caller.orgId(),
                provider,
                Objects.requireNonNull(request.bankAccountId()),
                environment,
                idempotencyKey));
        ResponseEntity.BodyBuilder response = ResponseEntity.created(
                URI.create(BASE_PATH + "/" + started.connection().id()));
        if (started.replayed()) {
            response.header(IdempotencyKeyHeader.IDEMPOTENT_REPLAYED, "true");
        }
        return response.body(ConnectionResponse.of(started.connection(), started.authorizationUrl()));
    }

    @GetMapping
    @Operation(summary = "List connections", description = "The organisation's connections, newest first.")
    @ApiResponse(responseCode = "200", description = "A page; nextCursor is null on the last one.")
    @ApiResponse(responseCode = "400", description = "limit out of range, or a cursor this API did not return.")
    ConnectionPageResponse list(
            Caller caller,
            @Parameter(description = "Page size, 1 to 100 (default 50).") @RequestParam(required = false) @Nullable
                    Integer limit,
            @Parameter(description = "nextCursor of the previous page.") @RequestParam(required = false) @Nullable
                    String cursor) {
        int pageSize = PageSizes.resolve(limit);
        Connections.Position after = PageCursors.after(cursor, Connections.Position::new);
        ListConnections.Page page = listConnections.list(caller.orgId(), after, pageSize);
        return new ConnectionPageResponse(
                page.items().stream()
                        .map(connection -> ConnectionResponse.of(connection, null))
                        .toList(),
                page.next() == null
                        ? null
                        : PageCursors.encode(
                                page.next().createdAt(), page.next().id()));
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "Get a connection",
            description = "The connection with its status, the reason and time of its last change and the consent's"
                    + " validity. An EXPIRING, EXPIRED or ERROR connection carries reauthentication: what happened and"
                    + " the call (POST .../reauthorize) that answers a fresh authorization URL for the same"
                    + " connection.")
    @ApiResponse(responseCode = "200", description = "The connection (without the authorization URL).")
    @ApiResponse(responseCode = "404", description = "No such connection in the caller's organisation.")
    ConnectionResponse get(Caller caller, @PathVariable UUID id) {
        return ConnectionResponse.of(getConnection.get(caller.orgId(), id), null);
    }

    @GetMapping("/{id}/history")
    @Operation(
            summary = "A connection's history",
            description = "Every status change of the connection, oldest first: from, to, a reason code and words,"
                    + " the API client that caused it (null when the system did) and when. Kept after the connection"
                    + " is disconnected.")
    @ApiResponse(responseCode = "200", description = "The history.")
    @ApiResponse(responseCode = "404", description = "No such connection in the caller's organisation.")
    ConnectionHistoryResponse history(Caller caller, @PathVariable UUID id) {
        return ConnectionHistoryResponse.of(getConnectionHistory.history(caller.orgId(), id));
    }

    @PostMapping("/{id}/reauthorize")
    @Operation(
            summary = "Re-authorise a connection",
            description = "For an EXPIRING, EXPIRED or ERROR connection: creates a new consent at the bank for the"
                    + " same account and answers the connection with a fresh authorizationUrl (OAuth2 authorization"
                    + " code with PKCE S256; single-use state, 10 minutes). The connection keeps its status until the"
                    + " user completes the authorization at /oauth/callback; then it is ACTIVE again with the new"
                    + " consent (ConnectionActivated with reactivation=true, and a sync is requested), keeping its id,"
                    + " history and bank account. Asking again issues a new URL and the earlier ones stop working."
                    + " Requires the finance or admin role.")
    @ApiResponse(responseCode = "200", description = "The connection, with authorizationUrl.")
    @ApiResponse(responseCode = "403", description = "The caller has neither the finance nor the admin role.")
    @ApiResponse(responseCode = "404", description = "No such connection in the caller's organisation.")
    @ApiResponse(
            responseCode = "409",
            description = "The connection is not EXPIRING, EXPIRED or ERROR (illegal-state-transition; currentStatus"
                    + " names its status and detail what is possible instead).")
    @ApiResponse(
            responseCode = "422",
            description = "The connection's bank account is deactivated (bank-account-inactive) or gone"
                    + " (unknown-bank-account), or the bank refused the consent (consent-refused).")
    @ApiResponse(
            responseCode = "502",
            description = "The bank could not be reached (provider-unavailable); try again later.")
    ConnectionResponse reauthorize(Caller caller, @PathVariable UUID id) {
        caller.requireAnyOf(Role.FINANCE, Role.ADMIN);
        ReauthorizeConnection.Reauthorization started = reauthorizeConnection.reauthorize(caller.orgId(), id);
        return ConnectionResponse.of(started.connection(), started.authorizationUrl());
    }

    @DeleteMapping("/{id}")
    @Operation(
            summary = "Disconnect a connection",
            description = "Ends the consent at the bank (Berlin Group DELETE /v1/consents/{consentId}; the bank then"
                    + " refuses its tokens), then the connection is REVOKED (final) and ConnectionRevoked is published,"
                    + " on which token-vault-service destroys the tokens so that no copy can be decrypted again. The"
                    + " connection and its history stay readable. Idempotent: disconnecting a REVOKED connection"
                    + " answers it again (200). Any status can be disconnected. Requires the finance or admin role.")
    @ApiResponse(responseCode = "200", description = "The connection, REVOKED.")
    @ApiResponse(responseCode = "403", description = "The caller has neither the finance nor the admin role.")
    @ApiResponse(responseCode = "404", description = "No such connection in the caller's organisation.")
    @ApiResponse(
            responseCode = "502",
            description = "The bank could not be reached to revoke the consent (provider-unavailable); nothing was"
                    + " changed, try again later.")
    ConnectionResponse disconnect(Caller caller, @PathVariable UUID id) {
        caller.requireAnyOf(Role.FINANCE, Role.ADMIN);
        return ConnectionResponse.of(disconnectConnection.disconnect(caller.orgId(), id, caller.clientId()), null);
    }
}
