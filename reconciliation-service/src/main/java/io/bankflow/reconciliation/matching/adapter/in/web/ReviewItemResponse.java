package io.bankflow.reconciliation.matching.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bankflow.reconciliation.apisupport.MoneyJson;
import io.bankflow.reconciliation.expectedpayments.domain.CustomerCode;
import io.bankflow.reconciliation.matching.domain.ReviewItem;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A review-queue item as the API shows it: the credit and why it was not matched. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReviewItemResponse(
        UUID id,

        @Schema(description = "OPEN, RESOLVED or DISMISSED.")
        String status,

        @Schema(description = "NO_REFERENCE, UNKNOWN_CUSTOMER_CODE or AMBIGUOUS.")
        String reason,

        @Schema(description = "Customer codes found in the payment (known or not).")
        List<String> foundCustomerCodes,

        UUID statementLineId,
        UUID accountId,
        @Schema(description = "Amount received, positive.") MoneyJson amount,
        @Nullable LocalDate bookingDate,
        @Nullable String counterpartyName,
        @Nullable String counterpartyAccount,
        @Nullable String remittanceInformation,
        @Nullable String structuredReference,
        Instant createdAt,

        @Schema(description = "The match that resolved it.") @Nullable
        UUID resolvedMatchId,

        @Nullable String resolvedBy,
        @Nullable Instant resolvedAt) {

    static ReviewItemResponse of(ReviewItem item) {
        return new ReviewItemResponse(
                item.id(),
                item.status().name(),
                item.reason().name(),
                item.foundCodes().stream().map(CustomerCode::value).toList(),
                item.line().lineId(),
                item.accountId(),
                MoneyJson.of(item.line().amount()),
                item.line().bookingDate(),
                item.line().counterpartyName(),
                item.line().counterpartyAccount(),
                item.line().remittanceInformation(),
                item.line().structuredReference(),
                item.createdAt(),
                item.resolvedMatchId(),
                item.resolvedBy(),
                item.resolvedAt());
    }
}
