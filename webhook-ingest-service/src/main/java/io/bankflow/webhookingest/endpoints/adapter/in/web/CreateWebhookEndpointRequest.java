package io.bankflow.webhookingest.endpoints.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/banking/webhook-endpoints}.
 *
 * @param provider the provider that will call the endpoint
 * @param signingSecret the provider's signing secret for this endpoint; omit it to have one generated (providers
 *     that issue their own, like Stripe, require it)
 */
record CreateWebhookEndpointRequest(
        @Schema(description = "Provider that will call the endpoint.", example = "sandbox-bank")
        @NotBlank
        @Size(max = 64)
        String provider,

        @Schema(
                description = "The provider's signing secret for this endpoint. Omit it to have a Standard"
                        + " Webhooks secret (whsec_...) generated and shown once; providers that issue their"
                        + " own (stripe) require it. Never returned.",
                nullable = true,
                writeOnly = true)
        @Size(max = 512)
        @Nullable
        String signingSecret) {

    @Override
    public String toString() {
        return "CreateWebhookEndpointRequest[provider=" + provider + ", signingSecret="
                + (signingSecret == null ? "none" : "(provided)") + "]";
    }
}
