package io.bankflow.sandboxbank.bank.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a consent grants, by IBAN ({@code access} of the Berlin Group consent). A bank-offered consent (empty lists)
 * or {@code allPsd2} is resolved to the customer's accounts when the customer authorises it.
 *
 * @param accounts IBANs whose details may be read
 * @param balances IBANs whose balances may be read
 * @param transactions IBANs whose transactions may be read
 * @param availableAccounts {@code allAccounts} or {@code allAccountsWithOwnerName}: the account list only
 * @param allPsd2 {@code allAccounts}: every service on every account
 */
public record AccountAccess(
        List<String> accounts,
        List<String> balances,
        List<String> transactions,
        @Nullable String availableAccounts,
        @Nullable String allPsd2) {

    public AccountAccess {
        accounts = List.copyOf(accounts);
        balances = List.copyOf(balances);
        transactions = List.copyOf(transactions);
    }

    /** Neither accounts nor a global access: the customer picks the accounts at the bank. */
    public boolean isBankOffered() {
        return accounts.isEmpty()
                && balances.isEmpty()
                && transactions.isEmpty()
                && availableAccounts == null
                && allPsd2 == null;
    }

    /** The access once the customer authorised it for these accounts (bank-offered and allPsd2 consents). */
    public AccountAccess resolvedFor(List<String> customerIbans) {
        if (isBankOffered() || allPsd2 != null) {
            return new AccountAccess(customerIbans, customerIbans, customerIbans, null, allPsd2);
        }
        return this;
    }

    /** IBANs the account list shows: any account with at least one service (balances and transactions imply it). */
    public Set<String> listed(List<String> customerIbans) {
        if (availableAccounts != null || allPsd2 != null) {
            return new LinkedHashSet<>(customerIbans);
        }
        Set<String> all = new LinkedHashSet<>(accounts);
        all.addAll(balances);
        all.addAll(transactions);
        return all;
    }

    public boolean allowsDetails(String iban) {
        return allPsd2 != null || accounts.contains(iban) || balances.contains(iban) || transactions.contains(iban);
    }

    public boolean allowsBalances(String iban) {
        return allPsd2 != null || balances.contains(iban);
    }

    public boolean allowsTransactions(String iban) {
        return allPsd2 != null || transactions.contains(iban);
    }
}
