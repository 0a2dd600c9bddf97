package io.bankflow.reconciliation.matching.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bankflow.reconciliation.apisupport.MoneyJson;
import io.bankflow.reconciliation.matching.domain.DepositMatch;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A deposit match as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DepositMatchResponse(
        UUID id,
        UUID statementLineId,
        UUID accountId,
        MoneyJson amount,
        @Nullable LocalDate bookingDate,
        @Schema(example = "CUS00012345") String customerCode,
        @Nullable UUID expectedPaymentId,
        @Schema(description = "CUSTOMER_CODE or MANUAL.") String method,

        @Schema(description = "The review item a manual match resolved.") @Nullable
        UUID reviewItemId,

        @Schema(description = "The client that matched manually.") @Nullable
        String matchedBy,

        Instant createdAt) {

    static DepositMatchResponse of(DepositMatch match) {
        return new DepositMatchResponse(
                match.id(),
                match.statementLineId(),
                match.accountId(),
                MoneyJson.of(match.amount()),
                match.bookingDate(),
                match.customerCode().value(),
                match.expectedPaymentId(),
                match.method().name(),
                match.reviewItemId(),
                match.matchedBy(),
                match.createdAt());
    }
}
