package io.bankflow.connection.audit.application;

import io.bankflow.connection.audit.application.port.out.AuditEntries;
import io.bankflow.connection.audit.domain.AuditEntry;
import io.bankflow.connection.connections.application.port.out.Connections;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Token updates in the audit trail: token-vault-service refreshes and destroys tokens on its own, and says so in
 * events (never with a token value). The actor is token-vault-service.
 */
@Service
public class RecordTokenUpdate {

    /** The actor of token updates: the service that keeps the tokens. */
    static final String TOKEN_VAULT = "token-vault-service";

    private static final Logger log = LoggerFactory.getLogger(RecordTokenUpdate.class);

    private final AuditEntries entries;
    private final Connections connections;

    RecordTokenUpdate(AuditEntries entries, Connections connections) {
        this.entries = entries;
        this.connections = connections;
    }

    /** An access token was refreshed (and the refresh token rotated, if {@code rotated}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refreshed(
            String orgId,
            UUID connectionId,
            Instant accessTokenExpiresAt,
            @Nullable Instant refreshTokenExpiresAt,
            boolean rotated,
            Instant at) {
        if (!known(orgId, connectionId)) {
            return;
        }
        entries.add(AuditEntry.of(
                orgId,
                connectionId,
                "tokens-refreshed",
                TOKEN_VAULT,
                "Access token refreshed; the new one expires at " + accessTokenExpiresAt
                        + (rotated ? "; the refresh token was rotated" : "; the refresh token was kept")
                        + (refreshTokenExpiresAt == null ? "." : " (valid until " + refreshTokenExpiresAt + ")."),
                at));
    }

    /** The tokens were destroyed (disconnect). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void revoked(String orgId, UUID connectionId, boolean revokedAtProvider, Instant at) {
        if (!known(orgId, connectionId)) {
            return;
        }
        entries.add(AuditEntry.of(
                orgId,
                connectionId,
                "tokens-revoked",
                TOKEN_VAULT,
                "Tokens destroyed in the vault"
                        + (revokedAtProvider
                                ? " and revoked at the provider."
                                : "; the provider did not confirm a revocation."),
                at));
    }

    /** Token events name connections of the event's organisation; one unknown here is not audited (logged). */
    private boolean known(String orgId, UUID connectionId) {
        if (connections.find(orgId, connectionId).isPresent()) {
            return true;
        }
        log.info("Token event for connection {} unknown to organisation {}: not audited", connectionId, orgId);
        return false;
    }
}
