package io.bankflow.reconciliation.expectedpayments.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/banking/expected-payments}.
 *
 * @param customerCode the customer's code, {@code CUS} + 8 digits
 * @param customerName the customer's name
 * @param expectedAmount the amount expected
 * @param reference the ERP's own reference (invoice or order number)
 */
record CreateExpectedPaymentRequest(
        @Schema(description = "The customer's code: CUS followed by exactly 8 digits.", example = "CUS00012345")
        @NotNull
        @Pattern(regexp = "CUS[0-9]{8}", message = "must be CUS followed by exactly 8 digits")
        String customerCode,

        @Schema(description = "The customer's name, shown to people working the review queue.", nullable = true)
        @Size(max = 140)
        @Nullable
        String customerName,

        @Schema(description = "The amount expected (informational: matching is by customer code).", nullable = true)
        @Valid
        @Nullable
        AmountRequest expectedAmount,

        @Schema(description = "The ERP's own reference, e.g. an invoice number.", nullable = true)
        @Size(max = 140)
        @Nullable
        String reference) {

    /**
     * An amount as the client sends it.
     *
     * @param amount a positive decimal string, at most 18 integer and 6 fractional digits
     * @param currency ISO 4217 alphabetic code
     */
    record AmountRequest(
            @Schema(description = "Positive decimal as a string.", example = "125.50")
            @NotNull
            @Pattern(
                    regexp = "[0-9]{1,18}(\\.[0-9]{1,6})?",
                    message = "must be a decimal string with at most 18 integer and 6 fractional digits")
            String amount,

            @Schema(description = "ISO 4217 alphabetic currency code.", example = "EUR")
            @NotNull
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code")
            String currency) {}
}
