package io.bankflow.sync.statements.domain;

import static io.bankflow.sync.statements.domain.StatementLines.aLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementLineIndexTest {

    private static final LocalDate BOOKED_ON = LocalDate.of(2026, 11, 4);

    @Test
    void theSameTransactionOnTwoPagesCountsOnce() {
        StatementLineIndex index = new StatementLineIndex();
        StatementLine line = aLine().transactionId("tx-1").build();

        List<DedupOutcome> outcomes =
                index.acceptAll(List.of(line, aLine().transactionId("tx-2").build(), line));

        assertThat(outcomes).extracting(DedupOutcome::isNew).containsExactly(true, true, false);
        assertThat(index.current()).hasSize(2);
    }

    @Test
    void aPendingLineThatBooksUnderANewIdWithTheSameEntryReferenceSupersedesIt() {
        StatementLine pending =
                aLine().transactionId("p-1").entryReference("E-77").pending().build();
        StatementLine booked = pending.booked("b-1", BOOKED_ON);
        StatementLineIndex index = StatementLineIndex.knowing(List.of(pending));

        DedupOutcome outcome = index.accept(booked);

        assertThat(outcome).isEqualTo(new DedupOutcome.Supersedes(booked, pending));
        assertThat(index.current()).containsExactly(booked);
        assertThat(index.accept(pending)).isInstanceOf(DedupOutcome.Duplicate.class);
        assertThat(index.accept(booked)).isInstanceOf(DedupOutcome.Duplicate.class);
        assertThat(index.current()).containsExactly(booked);
    }

    @Test
    void aPendingLineArrivingAfterItsBookedFormIsAStaleDuplicate() {
        StatementLine pending =
                aLine().transactionId("p-1").entryReference("E-77").pending().build();
        StatementLine booked = pending.booked("b-1", BOOKED_ON);
        StatementLineIndex index = StatementLineIndex.knowing(List.of(booked));

        assertThat(index.accept(pending)).isEqualTo(new DedupOutcome.Duplicate(pending, booked));
        assertThat(index.current()).containsExactly(booked);
    }

    @Test
    void aBankThatKeepsTheIdWhenALineBooksStillReplacesThePendingLine() {
        StatementLine pending = aLine().transactionId("tx-5").pending().build();
        StatementLine booked = pending.booked("tx-5", BOOKED_ON);
        StatementLineIndex index = StatementLineIndex.knowing(List.of(pending));

        assertThat(index.accept(booked)).isInstanceOf(DedupOutcome.Supersedes.class);
        assertThat(index.current()).containsExactly(booked);
    }

    @Test
    void linesWithoutProviderIdsDeduplicateOnTheNormalisedKey() {
        StatementLineIndex index = new StatementLineIndex();
        StatementLine line = aLine().transactionId(null).build();
        StatementLine sameButSpacedDifferently = aLine().transactionId(null)
                .remittance("Invoice  2024-118 cus00012345")
                .build();
        StatementLine otherAmount = aLine().transactionId(null).amount("99.00").build();

        assertThat(index.acceptAll(List.of(line, sameButSpacedDifferently, otherAmount)))
                .extracting(DedupOutcome::isNew)
                .containsExactly(true, false, true);
    }

    @Test
    void aChangedIdForAKnownBookedEntryIsADuplicate() {
        StatementLine booked =
                aLine().transactionId("b-1").entryReference("E-1").build();
        StatementLine renumbered =
                aLine().transactionId("b-1-new").entryReference("E-1").build();
        StatementLineIndex index = StatementLineIndex.knowing(List.of(booked));

        assertThat(index.accept(renumbered)).isInstanceOf(DedupOutcome.Duplicate.class);
        assertThat(index.accept(renumbered)).isInstanceOf(DedupOutcome.Duplicate.class);
    }

    @Test
    void entryReferencesAreScopedToTheAccount() {
        StatementLineIndex index = new StatementLineIndex();
        StatementLine a =
                aLine().account("a").transactionId(null).entryReference("E").build();
        StatementLine b =
                aLine().account("b").transactionId(null).entryReference("E").build();

        assertThat(index.acceptAll(List.of(a, b)))
                .extracting(DedupOutcome::isNew)
                .containsExactly(true, true);
    }
}
