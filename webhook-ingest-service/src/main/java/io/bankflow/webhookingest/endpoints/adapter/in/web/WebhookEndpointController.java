package io.bankflow.webhookingest.endpoints.adapter.in.web;

import io.bankflow.httpapi.IdempotencyKeyHeader;
import io.bankflow.httpapi.security.Caller;
import io.bankflow.httpapi.security.ForbiddenException;
import io.bankflow.httpapi.security.Role;
import io.bankflow.webhookingest.endpoints.WebhookEndpointsProperties;
import io.bankflow.webhookingest.endpoints.application.CreateWebhookEndpoint;
import io.bankflow.webhookingest.endpoints.application.DeactivateWebhookEndpoint;
import io.bankflow.webhookingest.endpoints.application.GetWebhookEndpoint;
import io.bankflow.webhookingest.endpoints.application.ListWebhookEndpoints;
import io.bankflow.webhookingest.endpoints.application.port.out.WebhookEndpoints;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
 * Webhook endpoints of the caller's organisation (ADR 0002). Creating and deactivating needs the {@code admin} role;
 * reading needs {@code finance} or {@code admin}. Another organisation's endpoint is not found (404).
 */
@RestController
@RequestMapping(path = WebhookEndpointController.BASE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Webhook endpoints",
        description = "Where a provider sends an organisation's webhooks: one endpoint per organisation and provider,"
                + " each with its own signing secret.")
@ApiResponse(responseCode = "403", description = "The caller lacks the role the operation needs.")
class WebhookEndpointController {

    static final String BASE_PATH = "/api/banking/webhook-endpoints";
    static final String IDEMPOTENCY_KEY = IdempotencyKeyHeader.IDEMPOTENCY_KEY;
    static final String IDEMPOTENT_REPLAYED = IdempotencyKeyHeader.IDEMPOTENT_REPLAYED;

    private final CreateWebhookEndpoint createEndpoint;
    private final ListWebhookEndpoints listEndpoints;
    private final GetWebhookEndpoint getEndpoint;
    private final DeactivateWebhookEndpoint deactivateEndpoint;
    private final WebhookEndpointsProperties properties;

    WebhookEndpointController(
            CreateWebhookEndpoint createEndpoint,
            ListWebhookEndpoints listEndpoints,
            GetWebhookEndpoint getEndpoint,
            DeactivateWebhookEndpoint deactivateEndpoint,
            WebhookEndpointsProperties properties) {
        this.createEndpoint = createEndpoint;
        this.listEndpoints = listEndpoints;
        this.getEndpoint = getEndpoint;
        this.deactivateEndpoint = deactivateEndpoint;
        this.properties = properties;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Create a webhook endpoint",
            description = "Creates an endpoint for one provider. Without signingSecret a Standard Webhooks secret is"
                    + " generated and returned in this response only. With an Idempotency-Key, retrying the same"
                    + " request within 24 hours returns the same endpoint (and secret) instead of creating another."
                    + " Requires the admin role.")
    @ApiResponse(
            responseCode = "201",
            description = "Created (or, with header Idempotent-Replayed: true, created by an earlier request with the"
                    + " same Idempotency-Key).",
            headers = {
                @Header(name = "Location", description = "The new endpoint's URL."),
                @Header(name = IDEMPOTENT_REPLAYED, description = "true when this replays an earlier creation.")
            })
    @ApiResponse(
            responseCode = "400",
            description = "Invalid body: unsupported provider (the problem lists supportedProviders), a signing secret"
                    + " of the wrong form, or a missing one for a provider that issues its own.")
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used before for a different request.")
    ResponseEntity<WebhookEndpointResponse> create(
            Caller caller,
            @Valid @RequestBody CreateWebhookEndpointRequest request,
            @Parameter(description = "Makes retries safe: the same key with the same body returns the first response.")
                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    @Nullable
                    String idempotencyKey) {
        caller.require(Role.ADMIN);
        IdempotencyKeyHeader.checked(idempotencyKey);
        CreateWebhookEndpoint.Created created = createEndpoint.create(new CreateWebhookEndpoint.Command(
                caller.orgId(), request.provider(), request.signingSecret(), idempotencyKey));
        ResponseEntity.BodyBuilder response = ResponseEntity.created(
                URI.create(BASE_PATH + "/" + created.endpoint().id()));
        if (created.replayed()) {
            response.header(IDEMPOTENT_REPLAYED, "true");
        }
        return response.body(WebhookEndpointResponse.of(created.endpoint(), created.generatedSecret()));
    }

    @GetMapping
    @Operation(
            summary = "List webhook endpoints",
            description = "The organisation's endpoints, active and deactivated, newest first, a page at a time."
                    + " Requires the finance or admin role.")
    @ApiResponse(responseCode = "200", description = "A page; nextCursor is null on the last one.")
    @ApiResponse(responseCode = "400", description = "limit out of range, or a cursor this API did not return.")
    WebhookEndpointPageResponse list(
            Caller caller,
            @Parameter(description = "Page size, 1 to 100 (default 50).") @RequestParam(required = false) @Nullable
                    Integer limit,
            @Parameter(description = "nextCursor of the previous page.") @RequestParam(required = false) @Nullable
                    String cursor) {
        requireReader(caller);
        int pageSize = limit == null ? properties.defaultPageSize() : limit;
        if (pageSize < 1 || pageSize > properties.maxPageSize()) {
            throw new InvalidParameterException("limit", "must be between 1 and " + properties.maxPageSize());
        }
        WebhookEndpoints.Position after = cursor == null ? null : EndpointCursors.decode(cursor);
        ListWebhookEndpoints.Page page = listEndpoints.list(caller.orgId(), after, pageSize);
        return new WebhookEndpointPageResponse(
                page.items().stream().map(WebhookEndpointResponse::of).toList(),
                page.next() == null ? null : EndpointCursors.encode(page.next()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a webhook endpoint", description = "Requires the finance or admin role.")
    @ApiResponse(responseCode = "200", description = "The endpoint (never its signing secret).")
    @ApiResponse(responseCode = "404", description = "No such endpoint in the caller's organisation.")
    WebhookEndpointResponse get(Caller caller, @PathVariable UUID id) {
        requireReader(caller);
        return WebhookEndpointResponse.of(getEndpoint.get(caller.orgId(), id));
    }

    @DeleteMapping("/{id}")
    @Operation(
            summary = "Deactivate a webhook endpoint",
            description = "Webhooks sent to it are refused (404) from now on; the endpoint stays listed as inactive."
                    + " Deactivating twice is harmless. Requires the admin role.")
    @ApiResponse(responseCode = "204", description = "Deactivated.")
    @ApiResponse(responseCode = "404", description = "No such endpoint in the caller's organisation.")
    ResponseEntity<Void> deactivate(Caller caller, @PathVariable UUID id) {
        caller.require(Role.ADMIN);
        deactivateEndpoint.deactivate(caller.orgId(), id);
        return ResponseEntity.noContent().build();
    }

    /** Reading endpoints is for people who work with the organisation's money or set-up, not any client of it. */
    private static void requireReader(Caller caller) {
        if (!caller.hasRole(Role.FINANCE) && !caller.hasRole(Role.ADMIN)) {
            throw new ForbiddenException("Reading webhook endpoints requires the 'finance' or 'admin' role.");
        }
    }
}
