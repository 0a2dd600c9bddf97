package io.bankflow.connection.accounts.application.port.out;

import io.bankflow.connection.accounts.domain.BankAccount;
import io.bankflow.connection.accounts.domain.Iban;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The organisations' bank accounts. Every method is scoped to one organisation. */
public interface BankAccounts {

    /**
     * Makes no account of the organisation the default for the currency, in the caller's transaction. Serialises
     * every default change of that organisation and currency until the transaction ends, so two requests cannot both
     * leave a default behind.
     */
    void clearDefault(String orgId, Currency currency);

    /**
     * Adds a new account.
     *
     * @return false when the organisation already has an account with that IBAN (nothing is written)
     */
    boolean add(BankAccount account);

    Optional<BankAccount> find(String orgId, UUID id);

    Optional<BankAccount> findByIban(String orgId, Iban iban);

    /**
     * Sets whether an account is in use; deactivating also ends its being the default.
     *
     * @return false when the organisation has no such account
     */
    boolean setActive(String orgId, UUID id, boolean active, Instant now);

    /** Records which connection feeds the account (once the connection is active). */
    void linkConnection(String orgId, UUID id, UUID connectionId, Instant now);

    /** Up to {@code limit} accounts, newest first, after a position (or from the start). */
    List<BankAccount> page(String orgId, @Nullable Position after, int limit);

    /** A position in the list: creation time and id of the last account seen. */
    record Position(Instant createdAt, UUID id) {}
}
