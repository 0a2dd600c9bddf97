package io.bankflow.connection.accounts.adapter.in.web;

import io.bankflow.connection.accounts.domain.BankAccount;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A bank account as the API shows it: never the full IBAN. */
@Schema(name = "BankAccount")
record BankAccountResponse(
        UUID id,
        @Schema(example = "1920") String glCode,
        @Schema(example = "NOK") String currency,

        @Schema(
                description = "The IBAN with all but the country, check digits and last four hidden.",
                example = "NO93 **** **** 7947")
        String maskedIban,

        String name,
        boolean isDefault,
        boolean active,

        @Schema(description = "The bank connection that feeds the account, once connected.", nullable = true) @Nullable
        UUID connectionId,

        Instant createdAt) {

    static BankAccountResponse of(BankAccount account) {
        return new BankAccountResponse(
                account.id(),
                account.glCode().value(),
                account.currency().getCurrencyCode(),
                account.iban().masked(),
                account.name(),
                account.isDefault(),
                account.active(),
                account.connectionId(),
                account.createdAt());
    }
}
