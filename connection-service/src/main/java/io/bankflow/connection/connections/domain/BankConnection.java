package io.bankflow.connection.connections.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A connection of one registered bank account to its bank through a provider adapter, with the consent it rests on.
 *
 * @param id the connection's id
 * @param orgId the owning organisation
 * @param provider the provider adapter, e.g. {@code sandbox-bank}
 * @param environment the provider's environment, e.g. {@code sandbox}
 * @param bankAccountId the registered account it feeds
 * @param status where it is in its life
 * @param consentId the consent's id at the bank
 * @param failureReason why it failed, when {@link ConnectionStatus#FAILED}
 * @param createdAt when it was created
 */
public record BankConnection(
        UUID id,
        String orgId,
        String provider,
        String environment,
        UUID bankAccountId,
        ConnectionStatus status,
        @Nullable String consentId,
        @Nullable String failureReason,
        Instant createdAt) {

    public BankConnection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(bankAccountId, "bankAccountId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A connection whose consent the bank has created and the user is yet to authorise. */
    public static BankConnection pendingConsent(
            UUID id,
            String orgId,
            String provider,
            String environment,
            UUID bankAccountId,
            String consentId,
            Instant now) {
        return new BankConnection(
                id,
                orgId,
                provider,
                environment,
                bankAccountId,
                ConnectionStatus.PENDING_CONSENT,
                consentId,
                null,
                now);
    }

    /** The user authorised the consent and the tokens are stored: the connection is usable. */
    public BankConnection activate() {
        requirePending();
        return new BankConnection(
                id, orgId, provider, environment, bankAccountId, ConnectionStatus.ACTIVE, consentId, null, createdAt);
    }

    /** The authorisation did not complete; the reason is shown to the user (never a secret). */
    public BankConnection fail(String reason) {
        requirePending();
        String shown = reason.length() > 200 ? reason.substring(0, 200) : reason;
        return new BankConnection(
                id, orgId, provider, environment, bankAccountId, ConnectionStatus.FAILED, consentId, shown, createdAt);
    }

    private void requirePending() {
        if (status != ConnectionStatus.PENDING_CONSENT) {
            throw new IllegalStateException("Connection " + id + " is " + status + ", not waiting for consent");
        }
    }
}
