package io.bankflow.reconciliation.matching.application;

import io.bankflow.httpapi.NotFoundException;
import io.bankflow.reconciliation.matching.application.port.out.ReviewItems;
import io.bankflow.reconciliation.matching.domain.ReviewItem;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One review item of the caller's organisation; another organisation's is not found. */
@Service
public class GetReviewItem {

    private final ReviewItems reviewItems;

    GetReviewItem(ReviewItems reviewItems) {
        this.reviewItems = reviewItems;
    }

    /** @throws NotFoundException when the organisation has no such item */
    @Transactional(readOnly = true)
    public ReviewItem get(String orgId, UUID id) {
        return reviewItems.find(orgId, id).orElseThrow(() -> NotFoundException.of("Review item", id));
    }
}
