package io.bankflow.webhookingest.receiving.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * The answer to an accepted delivery.
 *
 * @param webhookId Bankflow's id of the stored delivery (for a duplicate: of the one stored first)
 * @param duplicate whether the event had been received before
 */
record WebhookReceiptResponse(
        @Schema(description = "Bankflow's id of the stored delivery; for a duplicate, the one stored first.")
        UUID webhookId,

        @Schema(description = "true when the event had been received before and was not processed again.")
        boolean duplicate) {}
