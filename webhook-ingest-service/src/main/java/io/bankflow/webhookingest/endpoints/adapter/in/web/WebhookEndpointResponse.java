package io.bankflow.webhookingest.endpoints.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bankflow.webhookingest.endpoints.domain.WebhookEndpoint;
import io.bankflow.webhookingest.providers.domain.SigningSecret;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A webhook endpoint as the API shows it.
 *
 * @param id the endpoint id
 * @param provider the provider that calls it
 * @param url the path the provider must post to, relative to Bankflow's public base URL
 * @param signingSecret the generated signing secret: only in the response that created the endpoint
 * @param active whether webhooks are accepted on it
 * @param createdAt when it was created
 * @param deactivatedAt when it was deactivated, if it was
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WebhookEndpointResponse(
        UUID id,
        @Schema(example = "sandbox-bank") String provider,

        @Schema(
                description = "Path the provider posts webhooks to, relative to Bankflow's public base URL.",
                example = "/webhooks/sandbox-bank/6f1c2d7e-8a4b-4c1e-9f3a-2b5d7e9c1a30")
        String url,

        @Schema(
                description = "The generated signing secret (Standard Webhooks whsec_...). Present only in the"
                        + " response that created the endpoint (and its idempotent replays); store it now, it"
                        + " is never shown again.",
                nullable = true)
        @Nullable
        String signingSecret,

        boolean active,
        Instant createdAt,
        @Nullable Instant deactivatedAt) {

    static WebhookEndpointResponse of(WebhookEndpoint endpoint) {
        return of(endpoint, null);
    }

    static WebhookEndpointResponse of(WebhookEndpoint endpoint, @Nullable SigningSecret shownOnce) {
        return new WebhookEndpointResponse(
                endpoint.id(),
                endpoint.provider().wireName(),
                endpoint.path(),
                shownOnce == null ? null : shownOnce.reveal(),
                endpoint.active(),
                endpoint.createdAt(),
                endpoint.deactivatedAt());
    }

    @Override
    public String toString() {
        return "WebhookEndpointResponse[id=" + id + ", provider=" + provider + ", signingSecret="
                + (signingSecret == null ? "none" : "(redacted)") + "]";
    }
}
