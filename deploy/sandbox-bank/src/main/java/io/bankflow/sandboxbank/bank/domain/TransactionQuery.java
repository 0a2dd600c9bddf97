package io.bankflow.sandboxbank.bank.domain;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One page of an account's transaction list.
 *
 * @param accountId the account
 * @param dateFrom first booking date (inclusive) of booked entries
 * @param dateTo last booking date (inclusive) of booked entries
 * @param booked whether booked entries are wanted
 * @param pending whether pending entries are wanted (they have no booking date: all current ones are listed)
 * @param snapshot the ledger version the pages are cut from; none: the current one (a first page)
 * @param pageIndex 0-based
 * @param pageSize entries per page
 */
public record TransactionQuery(
        String accountId,
        LocalDate dateFrom,
        LocalDate dateTo,
        boolean booked,
        boolean pending,
        @Nullable Long snapshot,
        int pageIndex,
        int pageSize) {}
