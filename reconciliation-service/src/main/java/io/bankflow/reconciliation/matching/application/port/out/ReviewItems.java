package io.bankflow.reconciliation.matching.application.port.out;

import io.bankflow.reconciliation.matching.domain.ReviewItem;
import io.bankflow.reconciliation.matching.domain.ReviewStatus;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The review queue's items. Every organisation-facing query is scoped by the organisation. */
public interface ReviewItems {

    /**
     * Queues an item unless the organisation's statement line is queued already (checked atomically by the store).
     *
     * @param sourceEventId the StatementFetched event that produced it
     * @return whether it was stored
     */
    boolean addIfLineFree(ReviewItem item, UUID sourceEventId);

    /** Whether the organisation's statement line is in the queue (in any status). */
    boolean existsForLine(String orgId, UUID statementLineId);

    /** An item of the organisation; empty when it does not exist or belongs to another organisation. */
    Optional<ReviewItem> find(String orgId, UUID id);

    /** Like {@link #find}, locking the item until the transaction ends, for a change. */
    Optional<ReviewItem> findForUpdate(String orgId, UUID id);

    /** Stores the resolution of an item. */
    void resolve(ReviewItem item);

    /**
     * A page of the organisation's items in one status, oldest first (creation time, then id): the queue's order.
     *
     * @param after the position of the last item of the previous page, or null for the first page
     */
    List<ReviewItem> list(String orgId, ReviewStatus status, DepositMatches.@Nullable Position after, int limit);

    /** Open items of every organisation, for the queue-size gauge. */
    long countOpen();
}
