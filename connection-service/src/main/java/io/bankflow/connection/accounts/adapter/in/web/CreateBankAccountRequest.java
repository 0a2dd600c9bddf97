package io.bankflow.connection.accounts.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/banking/accounts}. The IBAN, GL code and currency rules are checked by the domain types;
 * bean validation only catches what is missing or absurdly long.
 *
 * @param glCode the ERP ledger account the bank account posts to
 * @param currency ISO 4217 alphabetic code
 * @param iban the IBAN, with or without spaces
 * @param name what people call the account
 * @param isDefault whether it becomes the organisation's default account for its currency
 */
record CreateBankAccountRequest(
        @Schema(description = "The ERP's general-ledger account the bank account posts to.", example = "1920")
        @NotBlank
        @Size(max = 32)
        @Nullable
        String glCode,

        @Schema(description = "ISO 4217 alphabetic currency code.", example = "NOK") @NotBlank @Nullable
        String currency,

        @Schema(
                description = "IBAN (ISO 13616), spaces allowed. Only ever shown masked.",
                example = "NO93 8601 1117 947")
        @NotBlank
        @Size(max = 64)
        @Nullable
        String iban,

        @Schema(description = "What people call the account; defaults to the masked IBAN.", nullable = true)
        @Size(max = 200)
        @Nullable
        String name,

        @Schema(
                description = "Make it the default account for its currency (the previous default stops being one).",
                nullable = true,
                defaultValue = "false")
        @Nullable
        Boolean isDefault) {

    /** The checked fields; bean validation has run when this is called. */
    String requiredGlCode() {
        return Objects.requireNonNull(glCode);
    }

    String requiredCurrency() {
        return Objects.requireNonNull(currency);
    }

    String requiredIban() {
        return Objects.requireNonNull(iban);
    }
}
