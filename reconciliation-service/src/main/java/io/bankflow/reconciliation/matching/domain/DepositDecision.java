package io.bankflow.reconciliation.matching.domain;

import io.bankflow.reconciliation.expectedpayments.domain.CustomerCode;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/** What matching decided for one statement line. */
public sealed interface DepositDecision {

    /** The line decided about. */
    StatementLine line();

    /**
     * A credit carrying exactly one active customer code of the organisation.
     *
     * @param customerCode that code
     */
    record Matched(StatementLine line, CustomerCode customerCode) implements DepositDecision {
        public Matched {
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(customerCode, "customerCode");
        }
    }

    /**
     * A credit that needs a person: it goes to the review queue.
     *
     * @param reason why
     * @param foundCodes every customer code found in the line (known or not), for the person reviewing it
     */
    record Unmatched(StatementLine line, UnmatchedReason reason, SortedSet<CustomerCode> foundCodes)
            implements DepositDecision {
        public Unmatched {
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(reason, "reason");
            foundCodes = Collections.unmodifiableSortedSet(new TreeSet<>(foundCodes));
        }
    }

    /**
     * A line matching does not handle (a debit, or a credit not booked yet).
     *
     * @param reason why
     */
    record Skipped(StatementLine line, SkipReason reason) implements DepositDecision {
        public Skipped {
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
