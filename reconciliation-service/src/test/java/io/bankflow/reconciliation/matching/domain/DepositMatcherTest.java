package io.bankflow.reconciliation.matching.domain;

import static io.bankflow.reconciliation.matching.domain.Lines.credit;
import static io.bankflow.reconciliation.matching.domain.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.reconciliation.expectedpayments.domain.CustomerCode;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class DepositMatcherTest {

    static final CustomerCode KNOWN = new CustomerCode("CUS00012345");
    static final CustomerCode OTHER_KNOWN = new CustomerCode("CUS00054321");
    static final Predicate<CustomerCode> ACTIVE = Set.of(KNOWN, OTHER_KNOWN)::contains;

    @Test
    void matchesACreditCarryingExactlyOneKnownCode() {
        StatementLine line = credit("125.50", "Invoice 77 CUS 0001 2345");

        assertThat(DepositMatcher.decide(line, ACTIVE)).isEqualTo(new DepositDecision.Matched(line, KNOWN));
    }

    @Test
    void matchesOnACodeInTheStructuredReference() {
        StatementLine line = Lines.line(LineStatus.BOOKED, "10", null, "CUS00012345");

        assertThat(DepositMatcher.decide(line, ACTIVE)).isEqualTo(new DepositDecision.Matched(line, KNOWN));
    }

    @Test
    void matchesTheKnownCodeWhenUnknownCodesStandBesideIt() {
        StatementLine line = credit("10", "CUS99999999 CUS00012345");

        assertThat(DepositMatcher.decide(line, ACTIVE)).isEqualTo(new DepositDecision.Matched(line, KNOWN));
    }

    @Test
    void queuesACreditWithoutAnyCodeAsNoReference() {
        StatementLine line = credit("10", "thanks for the pizza");

        assertThat(DepositMatcher.decide(line, ACTIVE))
                .isEqualTo(
                        new DepositDecision.Unmatched(line, UnmatchedReason.NO_REFERENCE, new java.util.TreeSet<>()));
    }

    @Test
    void queuesACreditWithoutRemittanceAsNoReference() {
        StatementLine line = credit("10", null);

        assertThat(DepositMatcher.decide(line, ACTIVE))
                .isInstanceOfSatisfying(
                        DepositDecision.Unmatched.class,
                        unmatched -> assertThat(unmatched.reason()).isEqualTo(UnmatchedReason.NO_REFERENCE));
    }

    @Test
    void queuesACreditWhoseCodesAreAllUnknown() {
        StatementLine line = credit("10", "CUS99999999");

        assertThat(DepositMatcher.decide(line, ACTIVE))
                .isEqualTo(new DepositDecision.Unmatched(
                        line,
                        UnmatchedReason.UNKNOWN_CUSTOMER_CODE,
                        new java.util.TreeSet<>(Set.of(new CustomerCode("CUS99999999")))));
    }

    @Test
    void queuesACreditWithTwoKnownCodesAsAmbiguous() {
        StatementLine line = credit("10", "CUS00012345 or CUS00054321");

        DepositDecision decision = DepositMatcher.decide(line, ACTIVE);

        assertThat(decision).isInstanceOfSatisfying(DepositDecision.Unmatched.class, unmatched -> {
            assertThat(unmatched.reason()).isEqualTo(UnmatchedReason.AMBIGUOUS);
            assertThat(unmatched.foundCodes()).containsExactly(KNOWN, OTHER_KNOWN);
        });
    }

    @Test
    void skipsDebitsEvenWithAKnownCode() {
        StatementLine line = credit("-10", "refund CUS00012345");

        assertThat(DepositMatcher.decide(line, ACTIVE))
                .isEqualTo(new DepositDecision.Skipped(line, SkipReason.NOT_A_CREDIT));
    }

    @Test
    void skipsAZeroAmount() {
        StatementLine line = credit("0.00", "CUS00012345");

        assertThat(DepositMatcher.decide(line, ACTIVE))
                .isEqualTo(new DepositDecision.Skipped(line, SkipReason.NOT_A_CREDIT));
    }

    @Test
    void skipsAPendingCreditUntilItBooks() {
        StatementLine line = line(LineStatus.PENDING, "10", "CUS00012345", null);

        assertThat(DepositMatcher.decide(line, ACTIVE))
                .isEqualTo(new DepositDecision.Skipped(line, SkipReason.PENDING));
    }
}
