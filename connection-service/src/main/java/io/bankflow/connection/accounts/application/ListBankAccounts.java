package io.bankflow.connection.accounts.application;

import io.bankflow.connection.accounts.application.port.out.BankAccounts;
import io.bankflow.connection.accounts.domain.BankAccount;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation's bank accounts, active and inactive, newest first, a page at a time. */
@Service
public class ListBankAccounts {

    private final BankAccounts accounts;

    ListBankAccounts(BankAccounts accounts) {
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public Page list(String orgId, BankAccounts.@Nullable Position after, int limit) {
        List<BankAccount> found = accounts.page(orgId, after, limit + 1);
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<BankAccount> items = found.subList(0, limit);
        BankAccount last = items.getLast();
        return new Page(List.copyOf(items), new BankAccounts.Position(last.createdAt(), last.id()));
    }

    /**
     * One page.
     *
     * @param items the accounts
     * @param next where the next page starts, or null on the last page
     */
    public record Page(List<BankAccount> items, BankAccounts.@Nullable Position next) {}
}
