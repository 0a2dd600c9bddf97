package io.bankflow.connection.connections.application;

import io.bankflow.connection.connections.application.port.out.ConnectionEvents;
import io.bankflow.connection.connections.application.port.out.Connections;
import io.bankflow.connection.connections.domain.BankConnection;
import io.bankflow.connection.connections.domain.ConnectionStatus;
import io.bankflow.connection.connections.domain.ExpiryReason;
import io.bankflow.connection.connections.domain.Transition;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * token-vault-service can no longer use a connection's tokens (TokenExpired): the connection EXPIRES and
 * ConnectionExpired is published (connection-service publishes it, with the TokenExpired as its cause). A connection
 * that cannot expire (not usable any more: pending, failed, revoked, already expired) is left as it is: the event came
 * late or twice.
 */
@Service
public class ExpireConnection {

    private static final Logger log = LoggerFactory.getLogger(ExpireConnection.class);

    private final Connections connections;
    private final ConnectionEvents events;
    private final Clock clock;

    ExpireConnection(Connections connections, ConnectionEvents events, Clock clock) {
        this.connections = connections;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param orgId the event's organisation
     * @param connectionId the connection whose tokens expired
     * @param reason why
     * @param causationId the TokenExpired event
     * @return whether the connection expired now
     */
    @Transactional
    public boolean tokensExpired(String orgId, UUID connectionId, ExpiryReason reason, @Nullable UUID causationId) {
        Optional<BankConnection> found = connections.lock(orgId, connectionId);
        if (found.isEmpty()) {
            log.warn("TokenExpired for connection {} unknown in organisation {}: ignored", connectionId, orgId);
            return false;
        }
        BankConnection connection = found.get();
        if (!connection.status().canBecome(ConnectionStatus.EXPIRED)) {
            log.info("TokenExpired for connection {} ({}): nothing to change", connectionId, connection.status());
            return false;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Transition expired = connection.expire(reason, detail(reason), now);
        connections.apply(expired);
        events.expired(expired.connection(), reason, now, causationId);
        log.info("Connection {} of organisation {} expired: {}", connectionId, orgId, reason);
        return true;
    }

    static String detail(ExpiryReason reason) {
        String why = switch (reason) {
            case CONSENT_EXPIRED -> "The consent at the bank has ended.";
            case TOKEN_REFRESH_FAILED -> "The bank refused to renew the access (the refresh token was refused).";
            case REVOKED_BY_PROVIDER -> "The bank or the account holder revoked the access at the bank.";
            case OTHER -> "The access to the bank can no longer be used.";
        };
        return why + " Re-authorise the connection to continue.";
    }
}
