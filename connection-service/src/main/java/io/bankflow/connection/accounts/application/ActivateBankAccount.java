package io.bankflow.connection.accounts.application;

import io.bankflow.connection.accounts.application.port.out.BankAccounts;
import io.bankflow.connection.accounts.domain.BankAccount;
import io.bankflow.httpapi.NotFoundException;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Puts a bank account back in use (it does not become the default again). Activating an active account is harmless. */
@Service
public class ActivateBankAccount {

    private static final Logger log = LoggerFactory.getLogger(ActivateBankAccount.class);

    private final BankAccounts accounts;
    private final Clock clock;

    ActivateBankAccount(BankAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** @throws NotFoundException (404) when the organisation has no such account */
    @Transactional
    public BankAccount activate(String orgId, UUID id) {
        if (!accounts.setActive(orgId, id, true, clock.instant())) {
            throw NotFoundException.of("Bank account", id);
        }
        log.info("Activated bank account {} in organisation {}", id, orgId);
        return accounts.find(orgId, id).orElseThrow(() -> NotFoundException.of("Bank account", id));
    }
}
