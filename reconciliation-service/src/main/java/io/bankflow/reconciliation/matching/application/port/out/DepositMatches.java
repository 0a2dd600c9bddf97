package io.bankflow.reconciliation.matching.application.port.out;

import io.bankflow.reconciliation.matching.domain.DepositMatch;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The stored deposit matches. Every query is scoped by the organisation. */
public interface DepositMatches {

    /**
     * Stores a match unless the organisation's statement line is matched already (checked atomically by the store).
     *
     * @param sourceEventId the StatementFetched event that produced it; null for manual matches
     * @return whether it was stored
     */
    boolean addIfLineFree(DepositMatch match, @Nullable UUID sourceEventId);

    /** Whether the organisation's statement line is matched. */
    boolean existsForLine(String orgId, UUID statementLineId);

    /**
     * A page of the organisation's matches, newest first (creation time, then id, both descending).
     *
     * @param accountId only this account's; null for every account
     * @param after the position of the last match of the previous page, or null for the first page
     */
    List<DepositMatch> list(String orgId, @Nullable UUID accountId, @Nullable Position after, int limit);

    /** A position in a list: creation time (microseconds) and id. */
    record Position(Instant createdAt, UUID id) {}
}
