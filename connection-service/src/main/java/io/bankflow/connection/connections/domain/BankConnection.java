package io.bankflow.connection.connections.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A connection of one registered bank account to its bank through a provider adapter, with the consent it rests on.
 *
 * <p>Its status only changes through the methods below, each a legal move of {@link ConnectionStatus#successors()}
 * answering a {@link Transition} (the connection after the move and its history entry); any other move throws
 * {@link IllegalStateTransitionException}.
 *
 * @param id the connection's id
 * @param orgId the owning organisation
 * @param provider the provider adapter, e.g. {@code sandbox-bank}
 * @param environment the provider's environment, e.g. {@code sandbox}
 * @param bankAccountId the registered account it feeds
 * @param status where it is in its life
 * @param consentId the consent's id at the bank (after a re-authorisation, the new consent's)
 * @param consentValidUntil the last day the consent can be used (Berlin Group {@code validUntil}, inclusive), once
 *     the user authorised it; null before, or when the provider's access does not expire
 * @param statusReason why the connection has its status (for people; never a secret)
 * @param statusChangedAt when the status last changed
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
        @Nullable LocalDate consentValidUntil,
        @Nullable String statusReason,
        Instant statusChangedAt,
        Instant createdAt) {

    /** The longest failure reason kept (shown to the user). */
    static final int MAX_FAILURE_REASON = 200;

    public BankConnection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(bankAccountId, "bankAccountId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusChangedAt, "statusChangedAt");
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
                "Waiting for the user to authorise the consent at the bank.",
                now,
                now);
    }

    /** The first entry of the history: the connection was created, waiting for consent. */
    public StatusChange created(@Nullable String actor) {
        return new StatusChange(
                id,
                orgId,
                null,
                ConnectionStatus.PENDING_CONSENT,
                "created",
                "Consent " + consentId + " requested at the bank; waiting for the user to authorise it.",
                actor,
                createdAt);
    }

    /** Why the connection failed, when it is {@link ConnectionStatus#FAILED}. */
    public @Nullable String failureReason() {
        return status == ConnectionStatus.FAILED ? statusReason : null;
    }

    /**
     * The moment the consent ends: the start (UTC) of the day after {@link #consentValidUntil()}, the consent's last
     * day; null when unknown.
     */
    public @Nullable Instant consentEndsAt() {
        return consentEndsAt(consentValidUntil);
    }

    /** The moment a consent valid until (inclusive) that day ends. */
    public static @Nullable Instant consentEndsAt(@Nullable LocalDate validUntil) {
        return validUntil == null
                ? null
                : validUntil.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * The user authorised a consent and its tokens are stored: the connection is ACTIVE. From PENDING_CONSENT this is
     * the first activation; from EXPIRING, EXPIRED or ERROR a re-authorisation (same connection, new consent).
     *
     * @param authorizedConsentId the consent the user authorised (the connection's own, or the new one)
     * @param validUntil the consent's last day as the bank granted it, when known
     * @param now when
     */
    public Transition authorized(String authorizedConsentId, @Nullable LocalDate validUntil, Instant now) {
        boolean first = status == ConnectionStatus.PENDING_CONSENT;
        if (!first && !status.needsReauthorization()) {
            throw illegal("be authorised");
        }
        String detail = (first ? "The user authorised consent " : "The user re-authorised the connection with consent ")
                + authorizedConsentId
                + (validUntil == null ? "." : ", valid until " + validUntil + ".");
        return move(
                ConnectionStatus.ACTIVE,
                first ? "authorized" : "reauthorized",
                detail,
                null,
                now,
                authorizedConsentId,
                validUntil,
                "be authorised");
    }

    /** The first authorisation did not complete; the reason is shown to the user (never a secret). */
    public Transition fail(String reason, Instant now) {
        String shown = StatusChange.shorten(reason, MAX_FAILURE_REASON);
        return move(
                ConnectionStatus.FAILED,
                "authorization-failed",
                shown,
                null,
                now,
                consentId,
                consentValidUntil,
                "fail its authorisation");
    }

    /** The consent ends within {@link ConsentExpiry#EXPIRING_WITHIN}: ACTIVE becomes EXPIRING. */
    public Transition consentExpiring(Instant now) {
        return move(
                ConnectionStatus.EXPIRING,
                "consent-expiring",
                "The consent ends on " + consentEndsAt() + "; re-authorise the connection to keep statements flowing.",
                null,
                now,
                consentId,
                consentValidUntil,
                "start expiring");
    }

    /** The consent or the tokens lapsed: the connection is EXPIRED until the user re-authorises it. */
    public Transition expire(ExpiryReason reason, String detail, Instant now) {
        return move(
                ConnectionStatus.EXPIRED,
                switch (reason) {
                    case CONSENT_EXPIRED -> "consent-expired";
                    case TOKEN_REFRESH_FAILED -> "token-refresh-failed";
                    case REVOKED_BY_PROVIDER -> "revoked-by-provider";
                    case OTHER -> "expired";
                },
                detail,
                null,
                now,
                consentId,
                consentValidUntil,
                "expire");
    }

    /**
     * Syncs fail for a reason retrying cannot fix (sync-service's non-retryable SyncJobFailed): ACTIVE or EXPIRING
     * becomes ERROR.
     *
     * @param errorCode sync-service's code, e.g. {@code ACCOUNT_NOT_IN_CONSENT}
     * @param message its message, safe to show
     */
    public Transition syncFailed(String errorCode, String message, Instant now) {
        return move(
                ConnectionStatus.ERROR,
                "sync-failed",
                "Sync failed (" + errorCode + "): " + message,
                null,
                now,
                consentId,
                consentValidUntil,
                "go into error");
    }

    /**
     * A sync completed again: an ERROR connection is healthy, ACTIVE (or EXPIRING when its consent ends within
     * {@link ConsentExpiry#EXPIRING_WITHIN}).
     */
    public Transition syncRecovered(Instant now) {
        if (status != ConnectionStatus.ERROR) {
            throw illegal("recover from an error");
        }
        ConnectionStatus next = ConsentExpiry.isWithinWarningWindow(consentEndsAt(), now)
                ? ConnectionStatus.EXPIRING
                : ConnectionStatus.ACTIVE;
        return move(
                next,
                "sync-recovered",
                "A sync completed again.",
                null,
                now,
                consentId,
                consentValidUntil,
                "recover from an error");
    }

    /**
     * Disconnected: revoked at the bank, its tokens to be destroyed. Final; any status but REVOKED may move here.
     *
     * @param actor the API client that disconnected it, or null for the system
     */
    public Transition revoke(@Nullable String actor, Instant now) {
        return move(
                ConnectionStatus.REVOKED,
                "disconnected",
                "Disconnected" + (actor == null ? "" : " by " + actor) + "; the consent was revoked at the bank and"
                        + " its tokens are destroyed.",
                actor,
                now,
                consentId,
                consentValidUntil,
                "be disconnected");
    }

    /** Checks that the user may authorise the connection again (EXPIRING, EXPIRED or ERROR). */
    public void requireReauthorizable() {
        if (!status.needsReauthorization()) {
            throw illegal("be re-authorised");
        }
    }

    private Transition move(
            ConnectionStatus next,
            String reason,
            String detail,
            @Nullable String actor,
            Instant now,
            @Nullable String nextConsentId,
            @Nullable LocalDate nextValidUntil,
            String action) {
        if (!status.canBecome(next)) {
            throw illegal(action);
        }
        StatusChange change = new StatusChange(id, orgId, status, next, reason, detail, actor, now);
        BankConnection after = new BankConnection(
                id,
                orgId,
                provider,
                environment,
                bankAccountId,
                next,
                nextConsentId,
                nextValidUntil,
                change.detail(),
                now,
                createdAt);
        return new Transition(after, change);
    }

    private IllegalStateTransitionException illegal(String action) {
        String hint = switch (status) {
            case REVOKED -> "A disconnected connection is final; create a new connection for the account.";
            case FAILED ->
                "Its first authorisation failed; create a new connection for the account (or disconnect"
                        + " this one).";
            case PENDING_CONSENT ->
                "It waits for the user's first authorisation: complete it with the authorization URL, or"
                        + " disconnect it.";
            case ACTIVE -> "It is active and its consent is valid; nothing needs to be authorised.";
            default ->
                "From " + status + " it can only become "
                        + status.successors().stream().map(Enum::name).sorted().collect(Collectors.joining(", "))
                        + ".";
        };
        return new IllegalStateTransitionException(id, status, action, hint);
    }
}
