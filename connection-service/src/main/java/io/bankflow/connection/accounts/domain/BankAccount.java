package io.bankflow.connection.accounts.domain;

import java.time.Instant;
import java.util.Currency;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A bank account an organisation registers: which GL account it posts to, its currency and IBAN. At most one active
 * default account per organisation and currency; a deactivated account is never the default.
 *
 * @param id the account's id
 * @param orgId the owning organisation
 * @param glCode the ERP ledger account
 * @param currency the account's currency
 * @param iban the account number
 * @param name what people call it
 * @param isDefault whether it is the organisation's default account for its currency
 * @param active whether it is in use
 * @param connectionId the bank connection that feeds it, once connected
 * @param createdAt when it was registered
 */
public record BankAccount(
        UUID id,
        String orgId,
        GlCode glCode,
        Currency currency,
        Iban iban,
        String name,
        boolean isDefault,
        boolean active,
        @Nullable UUID connectionId,
        Instant createdAt) {

    public BankAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(glCode, "glCode");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(iban, "iban");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        if (isDefault && !active) {
            throw new IllegalArgumentException("An inactive account cannot be the default");
        }
    }

    /** A newly registered, active account; without a name it is called by its masked IBAN. */
    public static BankAccount register(
            UUID id,
            String orgId,
            GlCode glCode,
            Currency currency,
            Iban iban,
            @Nullable String name,
            boolean isDefault,
            Instant now) {
        String shownName = name == null || name.isBlank() ? iban.masked() : name.strip();
        return new BankAccount(id, orgId, glCode, currency, iban, shownName, isDefault, true, null, now);
    }

    /** Out of use: it also stops being the default (the currency then has none until one is chosen). */
    public BankAccount deactivate() {
        return new BankAccount(id, orgId, glCode, currency, iban, name, false, false, connectionId, createdAt);
    }

    /** Back in use, not as the default. */
    public BankAccount activate() {
        return new BankAccount(id, orgId, glCode, currency, iban, name, isDefault, true, connectionId, createdAt);
    }
}
