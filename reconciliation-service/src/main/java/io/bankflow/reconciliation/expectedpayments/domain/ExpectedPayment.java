package io.bankflow.reconciliation.expectedpayments.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an organisation expects to be paid by one customer, identified by the customer's code. While active, credits
 * that carry the code are matched to it; an organisation has at most one active expected payment per customer code.
 * A match does not close it: a customer code stands for a customer, who may pay many times.
 *
 * @param id its id
 * @param orgId the organisation (tenant) that expects the money
 * @param customerCode the customer's code, which payers write in the remittance information
 * @param customerName the customer's name, for people working the review queue
 * @param expectedAmount the amount expected, when known (informational in this version: matching is by code only)
 * @param reference the ERP's own reference (invoice or order number), when given
 * @param createdAt when it was created, microsecond precision (what the database keeps, so cursors compare exactly)
 * @param deactivatedAt when it was deactivated; null while active
 */
public record ExpectedPayment(
        UUID id,
        String orgId,
        CustomerCode customerCode,
        @Nullable String customerName,
        @Nullable Money expectedAmount,
        @Nullable String reference,
        Instant createdAt,
        @Nullable Instant deactivatedAt) {

    public ExpectedPayment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(customerCode, "customerCode");
        Objects.requireNonNull(createdAt, "createdAt");
        if (orgId.isBlank()) {
            throw new IllegalArgumentException("orgId must not be blank");
        }
        if (expectedAmount != null && !expectedAmount.isPositive()) {
            throw new IllegalArgumentException("An expected amount must be positive");
        }
    }

    /** A new, active expected payment created now (truncated to microseconds). */
    public static ExpectedPayment create(
            UUID id,
            String orgId,
            CustomerCode customerCode,
            @Nullable String customerName,
            @Nullable Money expectedAmount,
            @Nullable String reference,
            Instant now) {
        return new ExpectedPayment(
                id,
                orgId,
                customerCode,
                customerName,
                expectedAmount,
                reference,
                now.truncatedTo(ChronoUnit.MICROS),
                null);
    }

    /** Whether credits are matched to it. */
    public boolean active() {
        return deactivatedAt == null;
    }

    /** This expected payment, no longer matched. Deactivating twice keeps the first moment. */
    public ExpectedPayment deactivate(Instant now) {
        if (!active()) {
            return this;
        }
        return new ExpectedPayment(
                id,
                orgId,
                customerCode,
                customerName,
                expectedAmount,
                reference,
                createdAt,
                now.truncatedTo(ChronoUnit.MICROS));
    }
}
