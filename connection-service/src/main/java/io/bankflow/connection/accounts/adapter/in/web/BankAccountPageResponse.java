package io.bankflow.connection.accounts.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of bank accounts.
 *
 * @param items the accounts, newest first
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
@Schema(name = "BankAccountPage")
record BankAccountPageResponse(
        List<BankAccountResponse> items,
        @Schema(nullable = true) @Nullable String nextCursor) {}
