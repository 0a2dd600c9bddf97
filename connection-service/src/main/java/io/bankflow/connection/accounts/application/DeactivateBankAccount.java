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

/** Takes a bank account out of use; it also stops being its currency's default. Deactivating twice is harmless. */
@Service
public class DeactivateBankAccount {

    private static final Logger log = LoggerFactory.getLogger(DeactivateBankAccount.class);

    private final BankAccounts accounts;
    private final Clock clock;

    DeactivateBankAccount(BankAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** @throws NotFoundException (404) when the organisation has no such account */
    @Transactional
    public BankAccount deactivate(String orgId, UUID id) {
        if (!accounts.setActive(orgId, id, false, clock.instant())) {
            throw NotFoundException.of("Bank account", id);
        }
        log.info("Deactivated bank account {} in organisation {}", id, orgId);
        return accounts.find(orgId, id).orElseThrow(() -> NotFoundException.of("Bank account", id));
    }
}
