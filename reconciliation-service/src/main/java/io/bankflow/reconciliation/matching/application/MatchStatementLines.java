package io.bankflow.reconciliation.matching.application;

import io.bankflow.reconciliation.expectedpayments.application.port.out.ExpectedPayments;
import io.bankflow.reconciliation.expectedpayments.domain.CustomerCode;
import io.bankflow.reconciliation.matching.application.port.out.DepositEvents;
import io.bankflow.reconciliation.matching.application.port.out.DepositMatches;
import io.bankflow.reconciliation.matching.application.port.out.ReviewItems;
import io.bankflow.reconciliation.matching.domain.DepositDecision;
import io.bankflow.reconciliation.matching.domain.DepositMatch;
import io.bankflow.reconciliation.matching.domain.DepositMatcher;
import io.bankflow.reconciliation.matching.domain.ReviewItem;
import io.bankflow.reconciliation.matching.domain.StatementLine;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matches the lines of one StatementFetched event against the organisation's active expected payments, in one
 * transaction: each credit becomes a match or a review item, and its {@code DepositMatched} or {@code
 * DepositUnmatched} is appended to the outbox with it.
 *
 * <p>A statement line is handled once per organisation: a line that already has a match or a review item (it came in
 * an earlier event, or twice in this one) is left as it is and publishes nothing. Debits and pending credits are
 * skipped (see {@link DepositMatcher}); nothing is stored for them.
 */
@Service
public class MatchStatementLines {

    private static final Logger log = LoggerFactory.getLogger(MatchStatementLines.class);

    private final ExpectedPayments expectedPayments;
    private final DepositMatches matches;
    private final ReviewItems reviewItems;
    private final DepositEvents events;
    private final DepositMetrics metrics;
    private final Clock clock;

    MatchStatementLines(
            ExpectedPayments expectedPayments,
            DepositMatches matches,
            ReviewItems reviewItems,
            DepositEvents events,
            DepositMetrics metrics,
            Clock clock) {
        this.expectedPayments = expectedPayments;
        this.matches = matches;
        this.reviewItems = reviewItems;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Matches the lines; joins the caller's transaction (the inbox's) when there is one. */
    @Transactional
    public Result match(Command command) {
        String orgId = command.cause().orgId();
        Set<CustomerCode> codes = new TreeSet<>();
        command.lines().forEach(line -> codes.addAll(DepositMatcher.codesIn(line)));
        Map<CustomerCode, UUID> active = expectedPayments.activeByCode(orgId, codes);

        Instant now = clock.instant();
        Set<UUID> handledHere = new HashSet<>();
        List<DepositMatch> matched = new ArrayList<>();
        List<ReviewItem> queued = new ArrayList<>();
        List<DepositDecision.Skipped> skipped = new ArrayList<>();
        int alreadyHandled = 0;
        for (DepositDecision decision : DepositMatcher.decideAll(command.lines(), active::containsKey)) {
            if (decision instanceof DepositDecision.Skipped skip) {
                skipped.add(skip);
                continue;
            }
            UUID lineId = decision.line().lineId();
            if (!handledHere.add(lineId)
                    || matches.existsForLine(orgId, lineId)
                    || reviewItems.existsForLine(orgId, lineId)) {
                alreadyHandled++;
                continue;
            }
            switch (decision) {
                case DepositDecision.Matched match -> {
                    DepositMatch deposit = DepositMatch.automatic(
                            UUID.randomUUID(),
                            orgId,
                            command.accountId(),
                            match,
                            active.get(match.customerCode()),
                            now);
                    if (matches.addIfLineFree(deposit, command.cause().eventId())) {
                        events.matched(deposit, command.cause());
                        matched.add(deposit);
                    } else {
                        alreadyHandled++;
                    }
                }
                case DepositDecision.Unmatched unmatched -> {
                    ReviewItem item = ReviewItem.open(UUID.randomUUID(), orgId, command.accountId(), unmatched, now);
                    if (reviewItems.addIfLineFree(item, command.cause().eventId())) {
                        events.unmatched(item, command.cause());
                        queued.add(item);
                    } else {
                        alreadyHandled++;
                    }
                }
                case DepositDecision.Skipped skip -> throw new IllegalStateException("handled above: " + skip);
            }
        }
        Result result = new Result(matched, queued, skipped, alreadyHandled);
        metrics.countAfterCommit(result);
        log.info(
                "Matched statement lines of event {} for account {} in organisation {}: {} matched, {} to review,"
                        + " {} skipped, {} handled before",
                command.cause().eventId(),
                command.accountId(),
                orgId,
                matched.size(),
                queued.size(),
                skipped.size(),
                alreadyHandled);
        return result;
    }

    /**
     * The lines of one StatementFetched event.
     *
     * @param cause the event (its organisation is the lines' organisation)
     * @param accountId the account the lines belong to
     * @param lines the lines, oldest first
     */
    public record Command(DepositEvents.Cause cause, UUID accountId, List<StatementLine> lines) {
        public Command {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(accountId, "accountId");
            lines = List.copyOf(lines);
        }
    }

    /**
     * What matching did.
     *
     * @param matches the new matches
     * @param queued the new review items
     * @param skipped the lines not handled (debits, pending credits)
     * @param alreadyHandled lines that had a match or review item already
     */
    public record Result(
            List<DepositMatch> matches,
            List<ReviewItem> queued,
            List<DepositDecision.Skipped> skipped,
            int alreadyHandled) {
        public Result {
            matches = List.copyOf(matches);
            queued = List.copyOf(queued);
            skipped = List.copyOf(skipped);
        }
    }
}
