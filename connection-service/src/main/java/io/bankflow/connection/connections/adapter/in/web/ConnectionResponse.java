package io.bankflow.connection.connections.adapter.in.web;

import io.bankflow.connection.connections.domain.BankConnection;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A connection as the API shows it. */
@Schema(name = "Connection")
record ConnectionResponse(
        UUID id,

        @Schema(
                example = "PENDING_CONSENT",
                allowableValues = {"PENDING_CONSENT", "ACTIVE", "EXPIRED", "REVOKED", "FAILED"})
        String status,

        @Schema(example = "sandbox-bank") String provider,
        @Schema(example = "sandbox") String environment,
        UUID bankAccountId,

        @Schema(description = "The consent's id at the bank.", nullable = true) @Nullable
        String consentId,

        @Schema(description = "Why the connection failed, when FAILED.", nullable = true) @Nullable
        String failureReason,

        Instant createdAt,

        @Schema(
                description = "Only in the answer to the creation: send the user here to authorise the consent at the"
                        + " bank. It carries a single-use state that expires in 10 minutes and is not shown again. A"
                        + " replay (same Idempotency-Key) of a connection still PENDING_CONSENT carries a new one (the"
                        + " earlier URLs stop working); otherwise null.",
                nullable = true)
        @Nullable
        URI authorizationUrl) {

    static ConnectionResponse of(BankConnection connection, @Nullable URI authorizationUrl) {
        return new ConnectionResponse(
                connection.id(),
                connection.status().name(),
                connection.provider(),
                connection.environment(),
                connection.bankAccountId(),
                connection.consentId(),
                connection.failureReason(),
                connection.createdAt(),
                authorizationUrl);
    }
}
