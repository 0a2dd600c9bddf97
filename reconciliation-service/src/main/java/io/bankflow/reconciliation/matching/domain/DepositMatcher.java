package io.bankflow.reconciliation.matching.domain;

import io.bankflow.reconciliation.expectedpayments.domain.CustomerCode;
import java.util.List;
import java.util.SortedSet;
import java.util.function.Predicate;

/**
 * The matching rule of this version: customer codes.
 *
 * <ol>
 *   <li>a debit or a zero amount is skipped ({@link SkipReason#NOT_A_CREDIT});
 *   <li>a pending credit is skipped ({@link SkipReason#PENDING}) until it is published again as booked;
 *   <li>the customer codes in the remittance information and the structured reference are collected
 *       ({@link CustomerCodeFinder});
 *   <li>none: unmatched, {@link UnmatchedReason#NO_REFERENCE};
 *   <li>exactly one of them is an active code of the organisation: matched, whatever unknown codes appear beside it;
 *   <li>none of them is: unmatched, {@link UnmatchedReason#UNKNOWN_CUSTOMER_CODE};
 *   <li>several are: unmatched, {@link UnmatchedReason#AMBIGUOUS}.
 * </ol>
 *
 * Each line is decided on its own, so the decisions do not depend on the order or company of the lines.
 */
public final class DepositMatcher {

    private DepositMatcher() {}

    /**
     * Decides one line.
     *
     * @param activeCode whether a code belongs to an active expected payment of the line's organisation
     */
    public static DepositDecision decide(StatementLine line, Predicate<CustomerCode> activeCode) {
        if (!line.isCredit()) {
            return new DepositDecision.Skipped(line, SkipReason.NOT_A_CREDIT);
        }
        if (line.status() == LineStatus.PENDING) {
            return new DepositDecision.Skipped(line, SkipReason.PENDING);
        }
        SortedSet<CustomerCode> found = codesIn(line);
        if (found.isEmpty()) {
            return new DepositDecision.Unmatched(line, UnmatchedReason.NO_REFERENCE, found);
        }
        List<CustomerCode> known = found.stream().filter(activeCode).toList();
        return switch (known.size()) {
            case 0 -> new DepositDecision.Unmatched(line, UnmatchedReason.UNKNOWN_CUSTOMER_CODE, found);
            case 1 -> new DepositDecision.Matched(line, known.getFirst());
            default -> new DepositDecision.Unmatched(line, UnmatchedReason.AMBIGUOUS, found);
        };
    }

    /** Decides every line, in the order given. */
    public static List<DepositDecision> decideAll(List<StatementLine> lines, Predicate<CustomerCode> activeCode) {
        return lines.stream().map(line -> decide(line, activeCode)).toList();
    }

    /** The customer codes a line carries (remittance information and structured reference). */
    public static SortedSet<CustomerCode> codesIn(StatementLine line) {
        return CustomerCodeFinder.findIn(line.remittanceInformation(), line.structuredReference());
    }
}
