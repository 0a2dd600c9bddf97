package io.bankflow.connection.connections.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/banking/connections}.
 *
 * @param provider the provider adapter: {@code sandbox-bank}
 * @param bankAccountId the registered bank account to connect
 * @param environment the provider's environment: {@code sandbox}
 */
record CreateConnectionRequest(
        @Schema(description = "The bank or provider.", example = "sandbox-bank", allowableValues = "sandbox-bank")
        @NotBlank
        @Nullable
        String provider,

        @Schema(description = "A registered, active bank account of the organisation.") @NotNull @Nullable
        UUID bankAccountId,

        @Schema(description = "The provider's environment.", example = "sandbox", allowableValues = "sandbox")
        @NotBlank
        @Nullable
        String environment) {}
