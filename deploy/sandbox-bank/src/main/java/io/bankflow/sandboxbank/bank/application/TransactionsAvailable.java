package io.bankflow.sandboxbank.bank.application;

import java.util.List;

/**
 * New entries (or a pending one booked) on an account.
 *
 * @param accountId the account's resource id
 * @param consentIds the valid consents that may read its transactions (possibly none)
 */
public record TransactionsAvailable(String accountId, List<String> consentIds) {}
