package io.bankflow.reconciliation.matching.application;

import io.bankflow.reconciliation.matching.application.port.out.DepositMatches;
import io.bankflow.reconciliation.matching.application.port.out.ReviewItems;
import io.bankflow.reconciliation.matching.domain.ReviewItem;
import io.bankflow.reconciliation.matching.domain.ReviewStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation's review items in one status, oldest first (the queue's order), a page at a time. */
@Service
public class ListReviewItems {

    private final ReviewItems reviewItems;

    ListReviewItems(ReviewItems reviewItems) {
        this.reviewItems = reviewItems;
    }

    @Transactional(readOnly = true)
    public Page list(String orgId, ReviewStatus status, DepositMatches.@Nullable Position after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        List<ReviewItem> found = reviewItems.list(orgId, status, after, limit + 1);
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<ReviewItem> items = List.copyOf(found.subList(0, limit));
        ReviewItem last = items.getLast();
        return new Page(items, new DepositMatches.Position(last.createdAt(), last.id()));
    }

    /**
     * @param items this page
     * @param next where the next page starts, or null when this is the last
     */
    public record Page(List<ReviewItem> items, DepositMatches.@Nullable Position next) {}
}
