package io.bankflow.sandboxbank.bank.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private static final LocalDate END = LocalDate.of(2026, 3, 31);

    private final Ledger ledger = SeedData.generate(7, END, 100);
    private final String nok = ledger.accounts().getFirst().resourceId();

    @Test
    void bookingAPendingEntryGivesANewTransactionIdAndKeepsTheEntryReference() {
        Transaction pending = ledger.transactions(nok).stream()
                .filter(t -> !t.isBooked())
                .findFirst()
                .orElseThrow();

        Transaction booked = ledger.book(nok, pending.transactionId(), END);

        assertThat(booked.transactionId()).isNotEqualTo(pending.transactionId());
        assertThat(booked.entryReference()).isEqualTo(pending.entryReference());
        assertThat(booked.bookingDate()).isEqualTo(END);
        assertThat(booked.amount()).isEqualTo(pending.amount());
        assertThat(ledger.transactions(nok))
                .extracting(Transaction::transactionId)
                .contains(booked.transactionId())
                .doesNotContain(pending.transactionId());
    }

    @Test
    void pagesOfOneListingNeitherRepeatNorSkipWhileEntriesArriveAndBook() {
        List<String> expected = allIds(null);
        Set<String> seen = new HashSet<>();
        List<String> walked = new ArrayList<>();

        TransactionPage page = ledger.page(query(null, 0));
        long snapshot = page.snapshot();
        while (true) {
            page.pending().forEach(t -> walked.add(t.transactionId()));
            page.booked().forEach(t -> walked.add(t.transactionId()));
            // The world moves on between pages: money arrives and a pending entry books.
            ledger.post(nok, incoming("Invoice 9 CUS00000009"), END);
            ledger.transactions(nok).stream()
                    .filter(t -> !t.isBooked())
                    .findFirst()
                    .ifPresent(t -> ledger.book(nok, t.transactionId(), END));
            if (!page.hasNext()) {
                break;
            }
            page = ledger.page(query(snapshot, page.pageIndex() + 1));
        }

        walked.forEach(id -> assertThat(seen.add(id)).as("repeated " + id).isTrue());
        assertThat(walked).isEqualTo(expected);
    }

    @Test
    void aNewListingSeesWhatArrivedMeanwhile() {
        Transaction arrived = ledger.post(nok, incoming("Invoice 10 CUS00000010"), END);

        assertThat(allIds(null)).contains(arrived.transactionId());
    }

    private List<String> allIds(@Nullable Long snapshot) {
        List<String> ids = new ArrayList<>();
        TransactionPage page =
                ledger.page(new TransactionQuery(nok, LocalDate.MIN, END, true, true, snapshot, 0, 10_000));
        page.pending().forEach(t -> ids.add(t.transactionId()));
        page.booked().forEach(t -> ids.add(t.transactionId()));
        return ids;
    }

    private TransactionQuery query(@Nullable Long snapshot, int pageIndex) {
        return new TransactionQuery(nok, LocalDate.MIN, END, true, true, snapshot, pageIndex, 25);
    }

    private static NewTransaction incoming(String text) {
        return new NewTransaction(
                Transaction.Status.BOOKED, new BigDecimal("100.00"), null, null, "Payer AS", null, text, null, null);
    }
}
