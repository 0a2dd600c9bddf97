package io.bankflow.connection.accounts.application;

import io.bankflow.connection.accounts.application.port.out.BankAccounts;
import io.bankflow.connection.accounts.domain.BankAccount;
import io.bankflow.httpapi.NotFoundException;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One bank account of the caller's organisation; another organisation's account is not found. */
@Service
public class GetBankAccount {

    private final BankAccounts accounts;

    GetBankAccount(BankAccounts accounts) {
        this.accounts = accounts;
    }

    /** @throws NotFoundException (404) when the organisation has no such account */
    @Transactional(readOnly = true)
    public BankAccount get(String orgId, UUID id) {
        return accounts.find(orgId, id).orElseThrow(() -> NotFoundException.of("Bank account", id));
    }
}
