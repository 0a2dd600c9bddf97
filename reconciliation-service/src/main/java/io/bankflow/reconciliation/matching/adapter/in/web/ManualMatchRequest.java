package io.bankflow.reconciliation.matching.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /api/banking/review-queue/{id}/match}.
 *
 * @param customerCode the customer the credit is from; must have an active expected payment
 */
record ManualMatchRequest(
        @Schema(description = "The customer's code: CUS followed by exactly 8 digits.", example = "CUS00012345")
        @NotNull
        @Pattern(regexp = "CUS[0-9]{8}", message = "must be CUS followed by exactly 8 digits")
        String customerCode) {}
