package io.bankflow.sandboxbank.bank.domain;

import java.math.BigDecimal;

/**
 * A payment account of the sandbox customer.
 *
 * @param resourceId the bank's id of the account in the API ({@code account-id} in paths)
 * @param iban its IBAN
 * @param bic the bank's BIC
 * @param currency ISO 4217 code
 * @param name the account's name as the customer sees it
 * @param product the bank's product name
 * @param cashAccountType ISO 20022 ExternalCashAccountType1Code ({@code CACC} current, {@code SVGS} savings)
 * @param ownerName the account holder
 * @param openingBalance the balance before the first seeded transaction
 * @param entryPrefix the account's prefix of entry references
 */
public record Account(
        String resourceId,
        String iban,
        String bic,
        String currency,
        String name,
        String product,
        String cashAccountType,
        String ownerName,
        BigDecimal openingBalance,
        String entryPrefix) {}
