package io.bankflow.sync.statements.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An account as the provider lists it.
 *
 * @param resourceId the provider's id of the account (Berlin Group resourceId): what further reads name
 * @param iban the account's IBAN, when it has one
 * @param currency the account's currency, when the provider says (multi-currency accounts have none)
 * @param name the account's name at the bank, when given
 */
public record ProviderAccount(
        String resourceId,
        @Nullable String iban,
        @Nullable String currency,
        @Nullable String name) {

    public ProviderAccount {
        Objects.requireNonNull(resourceId, "resourceId");
        if (resourceId.isBlank()) {
            throw new IllegalArgumentException("resourceId is blank");
        }
    }
}
