package io.bankflow.connection.connections.application.port.out;

import io.bankflow.connection.connections.domain.BankConnection;
import io.bankflow.connection.connections.domain.Pkce;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The organisations' bank connections and their pending OAuth authorizations. Scoped to one organisation. */
public interface Connections {

    /** Stores a new connection with the authorization its user was sent to, in the caller's transaction. */
    void add(BankConnection connection, PendingAuthorization authorization);

    Optional<BankConnection> find(String orgId, UUID id);

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

    /** Writes the connection's status and failure reason. */
    void update(BankConnection connection, Instant now);

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
     */
    record AuthorizationInProgress(
            BankConnection connection,
            Pkce pkce,
            URI redirectUri,
            Instant expiresAt,
            @Nullable Instant usedAt) {

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
     */
    record PendingAuthorization(
            String stateHash,
            UUID connectionId,
            String orgId,
            Pkce pkce,
            URI redirectUri,
            URI authorizationEndpoint,
            Instant expiresAt,
            Instant createdAt) {

        @Override
        public String toString() {
            return "PendingAuthorization[connectionId=" + connectionId + ", expiresAt=" + expiresAt + "]";
        }
    }
}
