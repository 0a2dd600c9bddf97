package io.bankflow.connection.connections.adapter.in.web;

import io.bankflow.connection.connections.domain.BankConnection;
import io.bankflow.connection.connections.domain.ConnectionStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A connection as the API shows it. */
@Schema(name = "Connection")
record ConnectionResponse(
        UUID id,

        @Schema(
                example = "PENDING_CONSENT",
                allowableValues = {"PENDING_CONSENT", "ACTIVE", "EXPIRING", "EXPIRED", "REVOKED", "FAILED", "ERROR"})
        String status,

        @Schema(description = "Why the connection has its status, for people.", nullable = true) @Nullable
        String statusReason,

        @Schema(description = "When the status last changed.")
        Instant statusChangedAt,

        @Schema(example = "sandbox-bank") String provider,
        @Schema(example = "sandbox") String environment,
        UUID bankAccountId,

        @Schema(
                description = "The consent's id at the bank (after a re-authorization, the new consent's).",
                nullable = true)
        @Nullable
        String consentId,

        @Schema(
                description = "The consent's last valid day as the bank granted it (inclusive); null until the user"
                        + " authorised it.",
                nullable = true)
        @Nullable
        LocalDate consentValidUntil,

        @Schema(description = "The moment the consent ends (the start of the next day, UTC).", nullable = true)
        @Nullable
        Instant consentExpiresAt,

        @Schema(description = "Why the connection failed, when FAILED.", nullable = true) @Nullable
        String failureReason,

        @Schema(
                description = "Present when the user must (EXPIRED, ERROR) or should soon (EXPIRING) authorise the"
                        + " connection again: what to do and where.",
                nullable = true)
        @Nullable
        Reauthentication reauthentication,

        Instant createdAt,

        @Schema(
                description = "Only in the answer to the creation or to a re-authorization: send the user here to"
                        + " authorise the consent at the bank. It carries a single-use state that expires in 10 minutes"
                        + " and is not shown again. A replay (same Idempotency-Key) of a connection still"
                        + " PENDING_CONSENT carries a new one (the earlier URLs stop working); otherwise null.",
                nullable = true)
        @Nullable
        URI authorizationUrl) {

    static ConnectionResponse of(BankConnection connection, @Nullable URI authorizationUrl) {
        return new ConnectionResponse(
                connection.id(),
                connection.status().name(),
                connection.statusReason(),
                connection.statusChangedAt(),
                connection.provider(),
                connection.environment(),
                connection.bankAccountId(),
                connection.consentId(),
                connection.consentValidUntil(),
                connection.consentEndsAt(),
                connection.failureReason(),
                Reauthentication.of(connection),
                connection.createdAt(),
                authorizationUrl);
    }

    /**
     * How to authorise the connection again.
     *
     * @param required whether the connection delivers nothing until then (EXPIRED, ERROR); false while EXPIRING
     * @param message what happened and what to do, for people
     * @param method the HTTP method of {@code url}
     * @param url the API call that answers a fresh authorization URL for the same connection
     */
    @Schema(name = "Reauthentication")
    record Reauthentication(boolean required, String message, String method, String url) {

        static @Nullable Reauthentication of(BankConnection connection) {
            if (!connection.status().needsReauthorization()) {
                return null;
            }
            String url = ConnectionController.BASE_PATH + "/" + connection.id() + "/reauthorize";
            String message = switch (connection.status()) {
                case EXPIRING ->
                    "The bank consent ends at " + connection.consentEndsAt() + ". Re-authorise the connection"
                            + " before then to keep statements flowing: POST " + url + " and send the user to"
                            + " the authorizationUrl it answers.";
                case EXPIRED ->
                    "The connection expired: " + connection.statusReason() + " No statements are fetched"
                            + " until the user authorises it again: POST " + url + " and send the user to the"
                            + " authorizationUrl it answers. The connection, its history and its bank account"
                            + " are kept.";
                default ->
                    "Syncs of this connection fail: " + connection.statusReason() + " Authorising it again"
                            + " usually fixes this: POST " + url + " and send the user to the"
                            + " authorizationUrl it answers.";
            };
            return new Reauthentication(connection.status() != ConnectionStatus.EXPIRING, message, "POST", url);
        }
    }
}
