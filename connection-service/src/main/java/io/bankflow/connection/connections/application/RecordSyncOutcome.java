package io.bankflow.connection.connections.application;

import io.bankflow.connection.accounts.domain.Iban;
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
 * A connection's health from its syncs (SyncJobCompleted, SyncJobFailed):
 *
 * <ul>
 *   <li>a failure retrying cannot fix ({@code retryable=false}) puts an ACTIVE or EXPIRING connection in ERROR (e.g.
 *       {@code CONSENT_INVALID}, {@code ACCOUNT_NOT_IN_CONSENT}: the user must re-authorise); {@code CONSENT_EXPIRED}
 *       EXPIRES it instead (ConnectionExpired);
 *   <li>retryable failures change nothing (sync-service retries them);
 *   <li>a completed sync brings an ERROR connection back to ACTIVE (or EXPIRING when its consent ends soon).
 * </ul>
 *
 * Events about connections in other states (pending, expired, revoked) change nothing: they came late.
 */
@Service
public class RecordSyncOutcome {

    /** sync-service's code for a consent whose validity ended. */
    static final String CONSENT_EXPIRED = "CONSENT_EXPIRED";

    private static final Logger log = LoggerFactory.getLogger(RecordSyncOutcome.class);

    private final Connections connections;
    private final ConnectionEvents events;
    private final Clock clock;

    RecordSyncOutcome(Connections connections, ConnectionEvents events, Clock clock) {
        this.connections = connections;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param errorCode sync-service's stable code
     * @param message its message, safe to show
     * @param retryable whether sync-service may succeed by retrying
     * @param causationId the SyncJobFailed event
     * @return the status the connection moved to, or null when nothing changed
     */
    @Transactional
    public @Nullable ConnectionStatus failed(
            String orgId,
            UUID connectionId,
            String errorCode,
            String message,
            boolean retryable,
            @Nullable UUID causationId) {
        if (retryable) {
            return null;
        }
        Optional<BankConnection> found = connections.lock(orgId, connectionId);
        if (found.isEmpty()) {
            log.warn("SyncJobFailed for connection {} unknown in organisation {}: ignored", connectionId, orgId);
            return null;
        }
        BankConnection connection = found.get();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (CONSENT_EXPIRED.equals(errorCode) && connection.status().canBecome(ConnectionStatus.EXPIRED)) {
            Transition expired = connection.expire(
                    ExpiryReason.CONSENT_EXPIRED, ExpireConnection.detail(ExpiryReason.CONSENT_EXPIRED), now);
            connections.apply(expired);
            events.expired(expired.connection(), ExpiryReason.CONSENT_EXPIRED, now, causationId);
            log.info("Connection {} of organisation {} expired: its sync found the consent ended", connectionId, orgId);
            return ConnectionStatus.EXPIRED;
        }
        if (!connection.status().isUsable()) {
            log.info("SyncJobFailed for connection {} ({}): nothing to change", connectionId, connection.status());
            return null;
        }
        // The message is safe to show by contract; masked once more so no full IBAN is ever stored or shown.
        Transition error = connection.syncFailed(errorCode, Iban.maskAllIn(message), now);
        connections.apply(error);
        log.info("Connection {} of organisation {} is in error: sync failed with {}", connectionId, orgId, errorCode);
        return ConnectionStatus.ERROR;
    }

    /** @return the status the connection moved to, or null when nothing changed */
    @Transactional
    public @Nullable ConnectionStatus completed(String orgId, UUID connectionId) {
        Optional<BankConnection> found = connections.lock(orgId, connectionId);
        if (found.isEmpty() || found.get().status() != ConnectionStatus.ERROR) {
            return null;
        }
        Transition recovered = found.get().syncRecovered(clock.instant().truncatedTo(ChronoUnit.MICROS));
        connections.apply(recovered);
        log.info("Connection {} of organisation {} recovered: a sync completed", connectionId, orgId);
        return recovered.connection().status();
    }
}
