package io.bankflow.reconciliation.expectedpayments.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bankflow.reconciliation.apisupport.MoneyJson;
import io.bankflow.reconciliation.expectedpayments.domain.ExpectedPayment;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An expected payment as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ExpectedPaymentResponse(
        UUID id,
        @Schema(example = "CUS00012345") String customerCode,
        @Nullable String customerName,
        @Nullable MoneyJson expectedAmount,
        @Nullable String reference,

        @Schema(description = "Whether credits carrying the code are matched to it.")
        boolean active,

        Instant createdAt,
        @Nullable Instant deactivatedAt) {

    static ExpectedPaymentResponse of(ExpectedPayment payment) {
        return new ExpectedPaymentResponse(
                payment.id(),
                payment.customerCode().value(),
                payment.customerName(),
                payment.expectedAmount() == null ? null : MoneyJson.of(payment.expectedAmount()),
                payment.reference(),
                payment.active(),
                payment.createdAt(),
                payment.deactivatedAt());
    }
}
