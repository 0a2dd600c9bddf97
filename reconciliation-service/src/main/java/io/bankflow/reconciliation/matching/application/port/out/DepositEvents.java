package io.bankflow.reconciliation.matching.application.port.out;

import io.bankflow.reconciliation.matching.domain.DepositMatch;
import io.bankflow.reconciliation.matching.domain.ReviewItem;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The events matching publishes ({@code DepositMatched}, {@code DepositUnmatched}), appended in the caller's
 * transaction (outbox): they leave if and only if the match or review item is committed.
 */
public interface DepositEvents {

    /**
     * A deposit was matched.
     *
     * @param cause the event that led to it; null for a match made by a person (the request's correlation id applies)
     */
    void matched(DepositMatch match, @Nullable Cause cause);

    /** A deposit went to the review queue. */
    void unmatched(ReviewItem item, Cause cause);

    /**
     * The consumed event an event is caused by: its envelope, so correlation and causation carry over.
     *
     * @param eventId its {@code metadata.eventId}
     * @param occurredAt its {@code metadata.occurredAt}
     * @param orgId its organisation
     * @param correlationId its correlation id
     */
    record Cause(UUID eventId, Instant occurredAt, String orgId, String correlationId) {
        public Cause {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(orgId, "orgId");
            Objects.requireNonNull(correlationId, "correlationId");
        }
    }
}
