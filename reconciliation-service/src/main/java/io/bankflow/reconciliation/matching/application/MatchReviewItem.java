package io.bankflow.reconciliation.matching.application;

import io.bankflow.httpapi.ConflictException;
import io.bankflow.httpapi.NotFoundException;
import io.bankflow.httpapi.UnprocessableException;
import io.bankflow.reconciliation.expectedpayments.application.port.out.ExpectedPayments;
import io.bankflow.reconciliation.expectedpayments.domain.CustomerCode;
import io.bankflow.reconciliation.expectedpayments.domain.ExpectedPayment;
import io.bankflow.reconciliation.matching.application.port.out.DepositEvents;
import io.bankflow.reconciliation.matching.application.port.out.DepositMatches;
import io.bankflow.reconciliation.matching.application.port.out.ReviewItems;
import io.bankflow.reconciliation.matching.domain.DepositMatch;
import io.bankflow.reconciliation.matching.domain.ReviewItem;
import io.bankflow.reconciliation.matching.domain.ReviewStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person matches a review item to a customer: the item is resolved, a MANUAL match is stored and {@code
 * DepositMatched} is published, in one transaction. The customer code must have an active expected payment.
 */
@Service
public class MatchReviewItem {

    private static final Logger log = LoggerFactory.getLogger(MatchReviewItem.class);

    private final ReviewItems reviewItems;
    private final ExpectedPayments expectedPayments;
    private final DepositMatches matches;
    private final DepositEvents events;
    private final DepositMetrics metrics;
    private final Clock clock;

    MatchReviewItem(
            ReviewItems reviewItems,
            ExpectedPayments expectedPayments,
            DepositMatches matches,
            DepositEvents events,
            DepositMetrics metrics,
            Clock clock) {
        this.reviewItems = reviewItems;
        this.expectedPayments = expectedPayments;
        this.matches = matches;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @param matchedBy the client making the match, recorded for audit
     * @throws NotFoundException when the organisation has no such item (404)
     * @throws ConflictException when the item is not open any more (409)
     * @throws UnprocessableException when the code has no active expected payment (422)
     */
    @Transactional
    public DepositMatch match(String orgId, UUID itemId, CustomerCode customerCode, String matchedBy) {
        ReviewItem item =
                reviewItems.findForUpdate(orgId, itemId).orElseThrow(() -> NotFoundException.of("Review item", itemId));
        if (item.status() != ReviewStatus.OPEN) {
            throw new ConflictException(
                    "review-item-not-open",
                    "Review item not open",
                    "Review item " + itemId + " is " + item.status() + "; only open items can be matched.");
        }
        ExpectedPayment expected = expectedPayments
                .findActive(orgId, customerCode)
                .orElseThrow(() -> new UnprocessableException(
                        "unknown-customer-code",
                        "Unknown customer code",
                        "Customer code " + customerCode + " has no active expected payment; create one first."));
        Instant now = clock.instant();
        DepositMatch match = DepositMatch.manual(UUID.randomUUID(), item, customerCode, expected.id(), matchedBy, now);
        if (!matches.addIfLineFree(match, null)) {
            throw new ConflictException(
                    "statement-line-already-matched",
                    "Statement line already matched",
                    "The statement line of review item " + itemId + " is matched already.");
        }
        reviewItems.resolve(item.resolve(match.id(), matchedBy, now));
        events.matched(match, null);
        metrics.countManualMatchAfterCommit();
        log.info(
                "Review item {} of organisation {} matched manually to {} by {}",
                itemId,
                orgId,
                customerCode,
                matchedBy);
        return match;
    }
}
