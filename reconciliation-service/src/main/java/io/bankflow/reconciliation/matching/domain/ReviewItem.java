package io.bankflow.reconciliation.matching.domain;

import io.bankflow.reconciliation.expectedpayments.domain.CustomerCode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A credit nobody could match automatically, waiting in the review queue. One per statement line and organisation.
 *
 * @param id its id
 * @param orgId the organisation
 * @param accountId the account the money arrived on
 * @param line the credit, as it was when queued
 * @param reason why it was not matched
 * @param foundCodes the customer codes found in it
 * @param status open, resolved or dismissed
 * @param createdAt when it was queued, microsecond precision
 * @param resolvedMatchId the match a person made, once resolved
 * @param resolvedBy the client that resolved it
 * @param resolvedAt when
 */
public record ReviewItem(
        UUID id,
        String orgId,
        UUID accountId,
        StatementLine line,
        UnmatchedReason reason,
        SortedSet<CustomerCode> foundCodes,
        ReviewStatus status,
        Instant createdAt,
        @Nullable UUID resolvedMatchId,
        @Nullable String resolvedBy,
        @Nullable Instant resolvedAt) {

    public ReviewItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        foundCodes = Collections.unmodifiableSortedSet(new TreeSet<>(foundCodes));
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** A new open item for an unmatched credit. */
    public static ReviewItem open(
            UUID id, String orgId, UUID accountId, DepositDecision.Unmatched decision, Instant now) {
        return new ReviewItem(
                id,
                orgId,
                accountId,
                decision.line(),
                decision.reason(),
                decision.foundCodes(),
                ReviewStatus.OPEN,
                now,
                null,
                null,
                null);
    }

    /**
     * This item, resolved by a manual match.
     *
     * @throws IllegalStateException when it is not open
     */
    public ReviewItem resolve(UUID matchId, String by, Instant now) {
        if (status != ReviewStatus.OPEN) {
            throw new IllegalStateException("Review item " + id + " is " + status + ", not open");
        }
        return new ReviewItem(
                id,
                orgId,
                accountId,
                line,
                reason,
                foundCodes,
                ReviewStatus.RESOLVED,
                createdAt,
                matchId,
                by,
                now.truncatedTo(ChronoUnit.MICROS));
    }
}
