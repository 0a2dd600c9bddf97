package io.bankflow.connection.connections.application.port.out;

import io.bankflow.connection.connections.domain.BankConnection;
import io.bankflow.connection.connections.domain.Pkce;
import io.bankflow.connection.connections.domain.StatusChange;
import io.bankflow.connection.connections.domain.Transition;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The organisations' bank connections and their pending OAuth authorizations. Scoped to one organisation. */
public interface Connections {

    /**
     * Stores a new connection with the authorization its user was sent to and the first entry of its history, in the
     * caller's transaction.
     */
    void add(BankConnection connection, StatusChange created, PendingAuthorization authorization);

    Optional<BankConnection> find(String orgId, UUID id);

    /** The connection, locked until the caller's transaction ends (status changes of one connection take turns). */
    Optional<BankConnection> lock(String orgId, UUID id);

    /** Writes the connection's new status (and consent) and appends the change to its history. */
    void apply(Transition transition);

    /** The connection's history, oldest first. */
    List<StatusChange> history(String orgId, UUID id);

    /**
     * Connections of every organisation for which the expiry job has something to do now ({@code
     * ConsentExpiry}): ACTIVE, EXPIRING or ERROR whose consent has ended, or ends within a warning window not yet
     * warned of, or ACTIVE within the EXPIRING window; soonest end first.
     */
    List<ConnectionRef> expiryCandidates(Instant now, int limit);

    /** The warnings (days ahead) already published for the connection's consent ending at {@code consentEndsAt}. */
    Set<Integer> warnedDaysAhead(UUID connectionId, Instant consentEndsAt);

    /** Records warnings as published (in the caller's transaction, with the event). */
    void recordWarnings(BankConnection connection, Instant consentEndsAt, List<Integer> daysAhead, Instant now);

    /**
     * The consents of the connection's unused re-authorizations: consents created at the bank for it that never became
     * its consent (a disconnect ends them too).
     */
    List<String> unusedAuthorizationConsents(String orgId, UUID connectionId);

    /** Expires every authorization of the connection not used yet (after a disconnect their states must not work). */
    void expireAuthorizations(String orgId, UUID connectionId, Instant now);

    /** A connection's organisation and id. */
    record ConnectionRef(String orgId, UUID id) {}

    /**
     * The authorization of a state hash with its connection, locked until the caller's transaction ends (two callbacks
     * with the same state take turns).
     */
    Optional<AuthorizationInProgress> lockAuthorization(String stateHash);

    /**
     * The connection with the bank's authorization endpoint of its latest authorization, locked until the caller's
     * transaction ends (so a callback cannot change it while a new authorization is issued).
     */
    Optional<Authorizable> lockForNewAuthorization(String orgId, UUID connectionId);

    /**
     * Issues a new authorization for a connection waiting for consent: every authorization of it not used yet expires
     * now (their states stop working), then this one is stored. In the caller's transaction.
     */
    void replaceAuthorizations(PendingAuthorization authorization, Instant now);

    /** Marks the authorization used (or, with null, usable again after a failure the user may retry). */
    void markAuthorizationUsed(String stateHash, @Nullable Instant usedAt);

    /** Up to {@code limit} connections, newest first, after a position (or from the start). */
    List<BankConnection> page(String orgId, @Nullable Position after, int limit);

    /** A position in the list: creation time and id of the last connection seen. */
    record Position(Instant createdAt, UUID id) {}

    /**
     * A stored authorization and the connection it completes.
     *
     * @param connection the connection
     * @param pkce the decrypted PKCE verifier (a secret: never logged)
     * @param redirectUri the redirect URI of the authorization request
     * @param expiresAt when it stops being usable
     * @param usedAt when a callback used it, if one did
     * @param consentId the consent it authorises; null on rows written before this was recorded (the connection's)
     * @param consentValidUntil the validity asked of the bank for that consent, when recorded
     */
    record AuthorizationInProgress(
            BankConnection connection,
            Pkce pkce,
            URI redirectUri,
            Instant expiresAt,
            @Nullable Instant usedAt,
            @Nullable String consentId,
            @Nullable LocalDate consentValidUntil) {

        @Override
        public String toString() {
            return "AuthorizationInProgress[connection=" + connection.id() + ", expiresAt=" + expiresAt + "]";
        }
    }

    /**
     * A connection and where its bank authorizes consents.
     *
     * @param connection the connection
     * @param authorizationEndpoint the bank's OAuth authorization endpoint of its latest authorization, or null when
     *     none was recorded (connections created before it was)
     */
    record Authorizable(BankConnection connection, @Nullable URI authorizationEndpoint) {}

    /**
     * An authorization the user was sent to: what the callback needs to complete it.
     *
     * @param stateHash SHA-256 of the OAuth state (the state itself is not stored)
     * @param connectionId the connection it completes
     * @param orgId the connection's organisation
     * @param pkce the PKCE verifier, stored encrypted
     * @param redirectUri the redirect URI of the authorization request (the code exchange must repeat it)
     * @param authorizationEndpoint the bank's OAuth authorization endpoint the user was sent to (no state in it)
     * @param expiresAt after this the callback is refused
     * @param createdAt when the user was sent
     * @param consentId the consent the user authorises (for a re-authorization a new one, the connection's once done)
     * @param consentValidUntil the last day asked of the bank for it (the bank may shorten it)
     */
    record PendingAuthorization(
            String stateHash,
            UUID connectionId,
            String orgId,
            Pkce pkce,
            URI redirectUri,
            URI authorizationEndpoint,
            Instant expiresAt,
            Instant createdAt,
            String consentId,
            @Nullable LocalDate consentValidUntil) {

        @Override
        public String toString() {
            return "PendingAuthorization[connectionId=" + connectionId + ", expiresAt=" + expiresAt + "]";
        }
    }
}
