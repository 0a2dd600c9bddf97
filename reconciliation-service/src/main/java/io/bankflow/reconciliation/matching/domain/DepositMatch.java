package io.bankflow.reconciliation.matching.domain;

import io.bankflow.reconciliation.expectedpayments.domain.CustomerCode;
import io.bankflow.reconciliation.expectedpayments.domain.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A credit attributed to a customer. A statement line is matched at most once per organisation.
 *
 * @param id the match id, which later events (confirmed, reversed) refer to
 * @param orgId the organisation
 * @param statementLineId the matched line
 * @param accountId the account the money arrived on
 * @param amount what arrived, positive
 * @param bookingDate the line's booking date
 * @param customerCode the customer the money is attributed to
 * @param expectedPaymentId the expected payment carrying that code
 * @param method how it was matched
 * @param reviewItemId the review item it resolved, for manual matches
 * @param matchedBy the client that matched it manually; null for automatic matches
 * @param createdAt when, microsecond precision
 */
public record DepositMatch(
        UUID id,
        String orgId,
        UUID statementLineId,
        UUID accountId,
        Money amount,
        @Nullable LocalDate bookingDate,
        CustomerCode customerCode,
        @Nullable UUID expectedPaymentId,
        MatchMethod method,
        @Nullable UUID reviewItemId,
        @Nullable String matchedBy,
        Instant createdAt) {

    public DepositMatch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(statementLineId, "statementLineId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(customerCode, "customerCode");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("Only credits are matched");
        }
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** The automatic match of a line that carried exactly one active customer code. */
    public static DepositMatch automatic(
            UUID id,
            String orgId,
            UUID accountId,
            DepositDecision.Matched decision,
            UUID expectedPaymentId,
            Instant now) {
        StatementLine line = decision.line();
        return new DepositMatch(
                id,
                orgId,
                line.lineId(),
                accountId,
                line.amount(),
                line.bookingDate(),
                decision.customerCode(),
                expectedPaymentId,
                MatchMethod.CUSTOMER_CODE,
                null,
                null,
                now);
    }

    /** The match a person made for a review item. */
    public static DepositMatch manual(
            UUID id,
            ReviewItem item,
            CustomerCode customerCode,
            UUID expectedPaymentId,
            String matchedBy,
            Instant now) {
        return new DepositMatch(
                id,
                item.orgId(),
                item.line().lineId(),
                item.accountId(),
                item.line().amount(),
                item.line().bookingDate(),
                customerCode,
                expectedPaymentId,
                MatchMethod.MANUAL,
                item.id(),
                matchedBy,
                now);
    }
}
