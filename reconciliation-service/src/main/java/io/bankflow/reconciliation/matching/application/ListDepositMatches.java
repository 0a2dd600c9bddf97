package io.bankflow.reconciliation.matching.application;

import io.bankflow.reconciliation.matching.application.port.out.DepositMatches;
import io.bankflow.reconciliation.matching.domain.DepositMatch;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation's deposit matches, optionally of one account, newest first, a page at a time. */
@Service
public class ListDepositMatches {

    private final DepositMatches matches;

    ListDepositMatches(DepositMatches matches) {
        this.matches = matches;
    }

    @Transactional(readOnly = true)
    public Page list(String orgId, @Nullable UUID accountId, DepositMatches.@Nullable Position after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        List<DepositMatch> found = matches.list(orgId, accountId, after, limit + 1);
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<DepositMatch> items = List.copyOf(found.subList(0, limit));
        DepositMatch last = items.getLast();
        return new Page(items, new DepositMatches.Position(last.createdAt(), last.id()));
    }

    /**
     * @param items this page
     * @param next where the next page starts, or null when this is the last
     */
    public record Page(List<DepositMatch> items, DepositMatches.@Nullable Position next) {}
}
