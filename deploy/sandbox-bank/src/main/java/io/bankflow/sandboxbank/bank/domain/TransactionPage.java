package io.bankflow.sandboxbank.bank.domain;

import java.util.List;

/**
 * A page of transactions, cut from the ledger as it was at {@code snapshot}, so that following pages neither repeat
 * nor skip entries while new ones arrive or pending ones book.
 *
 * @param booked booked entries on this page, newest booking date first
 * @param pending pending entries on this page (they come before the booked ones)
 * @param snapshot the ledger version of all pages of this listing
 * @param pageIndex this page
 * @param hasNext whether another page follows
 */
public record TransactionPage(
        List<Transaction> booked, List<Transaction> pending, long snapshot, int pageIndex, boolean hasNext) {}
