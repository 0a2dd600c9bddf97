package io.bankflow.webhookingest.receiving.adapter.in.web;

import io.bankflow.webhookingest.providers.domain.WebhookDelivery;
import io.bankflow.webhookingest.receiving.ReceivingProperties;
import io.bankflow.webhookingest.receiving.application.Receipt;
import io.bankflow.webhookingest.receiving.application.ReceiveWebhook;
import io.bankflow.webhookingest.receiving.application.WebhookMetrics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where providers post webhooks (public: each delivery is authenticated by its signature, ADR 0002). Answers fast:
 * verify, store, enqueue the event, done; whatever the event means happens in the consuming services.
 */
@RestController
@Tag(name = "Webhooks", description = "Receiving provider webhooks.")
class WebhookReceiverController {

    private final ReceiveWebhook receiveWebhook;
    private final WebhookMetrics metrics;
    private final long maxBodyBytes;

    WebhookReceiverController(ReceiveWebhook receiveWebhook, WebhookMetrics metrics, ReceivingProperties properties) {
        this.receiveWebhook = receiveWebhook;
        this.metrics = metrics;
        this.maxBodyBytes = properties.maxBodySize().toBytes();
    }

    @PostMapping(path = "/webhooks/{provider}/{endpointId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements // none: the signature authenticates the delivery
    @Operation(
            summary = "Receive a webhook",
            description = "Called by the provider, not by API clients. The delivery is verified with the endpoint's"
                    + " signing secret, stored, deduplicated by the provider's event id and published as"
                    + " WebhookReceived for the endpoint's organisation. sandbox-bank signs with Standard Webhooks"
                    + " (webhook-id, webhook-timestamp, webhook-signature); stripe with Stripe-Signature.",
            parameters = {
                @Parameter(in = ParameterIn.HEADER, name = "webhook-id", description = "Standard Webhooks message id."),
                @Parameter(
                        in = ParameterIn.HEADER,
                        name = "webhook-timestamp",
                        description = "Standard Webhooks: Unix seconds of the attempt."),
                @Parameter(
                        in = ParameterIn.HEADER,
                        name = "webhook-signature",
                        description = "Standard Webhooks: space-separated v1,<base64 HMAC-SHA256> signatures."),
                @Parameter(
                        in = ParameterIn.HEADER,
                        name = "Stripe-Signature",
                        description = "Stripe: t=<unix seconds>,v1=<hex HMAC-SHA256>[,v1=...].")
            },
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            description = "The provider's event, a JSON object, exactly as signed.",
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(type = "object"))))
    @ApiResponse(responseCode = "202", description = "Verified, stored and queued for publication.")
    @ApiResponse(responseCode = "200", description = "A retry of an event already received; nothing new happened.")
    @ApiResponse(
            responseCode = "400",
            description = "Signed, but not a well-formed delivery (not a UTF-8 JSON object, no event id).")
    @ApiResponse(
            responseCode = "401",
            description = "Signature missing, malformed or not matching (type webhook-signature-invalid), or signed"
                    + " outside the timestamp tolerance (type webhook-timestamp-out-of-tolerance).")
    @ApiResponse(responseCode = "404", description = "No active endpoint of this provider with this id.")
    @ApiResponse(responseCode = "413", description = "Body larger than the limit (256 KiB by default).")
    ResponseEntity<WebhookReceiptResponse> receive(
            @PathVariable String provider, @PathVariable String endpointId, HttpServletRequest request)
            throws IOException {
        byte[] body = readBounded(provider, request);
        Receipt receipt = receiveWebhook.receive(
                new ReceiveWebhook.Command(provider, endpointId, WebhookDelivery.of(headers(request), body)));
        return switch (receipt) {
            case Receipt.Accepted accepted ->
                ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(new WebhookReceiptResponse(accepted.webhookId(), false));
            case Receipt.Duplicate duplicate ->
                ResponseEntity.ok(new WebhookReceiptResponse(duplicate.webhookId(), true));
            case Receipt.Rejected rejected -> throw problem(rejected);
        };
    }

    /**
     * The body, or a 413 without reading more than the limit: the declared length is checked first, and a body
     * without one (chunked) is read only up to one byte past the limit.
     */
    private byte[] readBounded(String provider, HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBodyBytes) {
            metrics.recordTooLarge(provider);
            throw WebhookRejectedException.tooLarge(maxBodyBytes);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(Math.toIntExact(maxBodyBytes + 1));
        }
        if (body.length > maxBodyBytes) {
            metrics.recordTooLarge(provider);
            throw WebhookRejectedException.tooLarge(maxBodyBytes);
        }
        return body;
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    private static WebhookRejectedException problem(Receipt.Rejected rejected) {
        return switch (rejected.outcome()) {
            case UNKNOWN_ENDPOINT -> WebhookRejectedException.unknownEndpoint(rejected.detail());
            case SIGNATURE_INVALID -> WebhookRejectedException.signatureInvalid(rejected.detail());
            case STALE -> WebhookRejectedException.timestampOutOfTolerance(rejected.detail());
            case MALFORMED -> WebhookRejectedException.malformed(rejected.detail());
            case ACCEPTED, DUPLICATE, TOO_LARGE, ERROR ->
                throw new IllegalStateException("Not a rejection the receiver returns: " + rejected.outcome());
        };
    }
}
