package io.bankflow.connection.connections.application;

import io.bankflow.connection.apisupport.ProviderUnavailableException;
import io.bankflow.connection.connections.application.port.out.BankConsents;
import io.bankflow.connection.connections.application.port.out.ConnectionEvents;
import io.bankflow.connection.connections.application.port.out.Connections;
import io.bankflow.connection.connections.domain.BankConnection;
import io.bankflow.connection.connections.domain.ConnectionStatus;
import io.bankflow.connection.connections.domain.IllegalStateTransitionException;
import io.bankflow.connection.connections.domain.Transition;
import io.bankflow.httpapi.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Disconnects a connection: first the consent is ended at the bank (Berlin Group {@code DELETE
 * /v1/consents/{consentId}}, after which the bank accepts none of its tokens), then, in one transaction, the
 * connection becomes REVOKED (final), its unused authorizations stop working and ConnectionRevoked goes to the outbox;
 * token-vault-service destroys the tokens on it (crypto-shredding). Consents of re-authorizations never completed are
 * ended at the bank too (best effort). The history stays readable.
 *
 * <p>Idempotent: disconnecting a REVOKED connection answers it as it is. When the bank cannot be reached nothing
 * changes here (502) and the user may retry: the connection is never shown as disconnected while the bank still
 * honours its consent.
 */
@Service
public class DisconnectConnection {

    private static final Logger log = LoggerFactory.getLogger(DisconnectConnection.class);

    private final Connections connections;
    private final List<BankConsents> banks;
    private final ConnectionEvents events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DisconnectConnection(
            Connections connections,
            List<BankConsents> banks,
            ConnectionEvents events,
            TransactionTemplate transaction,
            Clock clock) {
        this.connections = connections;
        this.banks = List.copyOf(banks);
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * @param actor the API client that disconnects (recorded in the history and in ConnectionRevoked)
     * @throws NotFoundException (404) when the organisation has no such connection
     * @throws ProviderUnavailableException (502) when the bank could not end the consent
     */
    public BankConnection disconnect(String orgId, UUID connectionId, String actor) {
        BankConnection connection = connections
                .find(orgId, connectionId)
                .orElseThrow(() -> NotFoundException.of("Connection", connectionId));
        if (connection.status() == ConnectionStatus.REVOKED) {
            return connection;
        }
        String consentId = connection.consentId();
        if (consentId != null) {
            revokeAtBank(connection, consentId);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        BankConnection revoked = Objects.requireNonNull(transaction.execute(status -> {
            BankConnection locked = connections
                    .lock(orgId, connectionId)
                    .orElseThrow(() -> NotFoundException.of("Connection", connectionId));
            if (locked.status() == ConnectionStatus.REVOKED) {
                return locked; // a concurrent disconnect won
            }
            Transition transition;
            try {
                transition = locked.revoke(actor, now);
            } catch (IllegalStateTransitionException e) {
                throw new IllegalTransitionProblem(e);
            }
            connections.apply(transition);
            connections.expireAuthorizations(orgId, connectionId, now);
            events.revoked(transition.connection(), now, actor);
            return transition.connection();
        }));
        if (!Objects.equals(revoked.consentId(), consentId) && revoked.consentId() != null) {
            // A re-authorization completed between the bank call and the lock: end its consent too (best effort: the
            // connection is revoked and its tokens destroyed either way).
            try {
                revokeAtBank(revoked, revoked.consentId());
            } catch (ProviderUnavailableException e) {
                log.warn("Could not end consent {} of disconnected connection {}", revoked.consentId(), connectionId);
            }
        }
        // Consents of re-authorizations the user never completed: ended too, so none is left waiting at the bank.
        for (String unused : connections.unusedAuthorizationConsents(orgId, connectionId)) {
            try {
                revokeAtBank(revoked, unused);
            } catch (ProviderUnavailableException e) {
                log.warn("Could not end consent {} of disconnected connection {}", unused, connectionId);
            }
        }
        log.info("Connection {} of organisation {} was disconnected by {}", connectionId, orgId, actor);
        return revoked;
    }

    private void revokeAtBank(BankConnection connection, String consentId) {
        BankConsents bank = banks.stream()
                .filter(candidate -> candidate.provider().equals(connection.provider()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No adapter for provider " + connection.provider()));
        try {
            bank.revokeConsent(consentId);
        } catch (BankConsents.BankUnavailableException unavailable) {
            throw new ProviderUnavailableException(
                    "The bank could not be reached to revoke the consent; nothing was changed, try again later.",
                    unavailable);
        }
    }
}
