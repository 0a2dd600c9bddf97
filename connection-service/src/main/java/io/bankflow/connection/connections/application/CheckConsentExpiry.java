package io.bankflow.connection.connections.application;

import io.bankflow.connection.connections.application.port.out.ConnectionEvents;
import io.bankflow.connection.connections.application.port.out.Connections;
import io.bankflow.connection.connections.domain.BankConnection;
import io.bankflow.connection.connections.domain.ConsentExpiry;
import io.bankflow.connection.connections.domain.ExpiryReason;
import io.bankflow.connection.connections.domain.Transition;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The consent-expiry job ({@link ConsentExpiry}): publishes ConsentExpiring 14 and 7 days before a connection's
 * consent ends (each once per consent: recorded in the same transaction as the event, so a restart neither repeats
 * nor loses one), moves ACTIVE connections to EXPIRING, and EXPIRES them (ConnectionExpired) when the consent has
 * ended. Each connection is checked in its own transaction under its row lock, so instances running the job at the
 * same time do each thing once.
 */
@Service
public class CheckConsentExpiry {

    /** Connections per round; rounds repeat while full, up to {@link #MAX_ROUNDS}. */
    static final int BATCH_SIZE = 200;

    static final int MAX_ROUNDS = 50;

    private static final Logger log = LoggerFactory.getLogger(CheckConsentExpiry.class);

    private final Connections connections;
    private final ConnectionEvents events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CheckConsentExpiry(Connections connections, ConnectionEvents events, TransactionTemplate transaction, Clock clock) {
        this.connections = connections;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** One run: everything that is due now. */
    public Result run() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int warned = 0;
        int expiring = 0;
        int expired = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Connections.ConnectionRef> due = connections.expiryCandidates(now, BATCH_SIZE);
            for (Connections.ConnectionRef ref : due) {
                try {
                    Result one = transaction.execute(status -> check(ref, now));
                    if (one != null) {
                        warned += one.warned();
                        expiring += one.expiring();
                        expired += one.expired();
                    }
                } catch (RuntimeException e) {
                    log.error("Consent expiry check of connection {} failed; retried on the next run", ref.id(), e);
                }
            }
            if (due.size() < BATCH_SIZE) {
                break;
            }
        }
        if (warned + expiring + expired > 0) {
            log.info(
                    "Consent expiry: {} warning(s) published, {} connection(s) expiring, {} expired",
                    warned,
                    expiring,
                    expired);
        }
        return new Result(warned, expiring, expired);
    }

    private Result check(Connections.ConnectionRef ref, Instant now) {
        Optional<BankConnection> found = connections.lock(ref.orgId(), ref.id());
        if (found.isEmpty() || found.get().consentEndsAt() == null) {
            return new Result(0, 0, 0);
        }
        BankConnection connection = found.get();
        Instant endsAt = connection.consentEndsAt();
        Set<Integer> warned = connections.warnedDaysAhead(connection.id(), endsAt);
        ConsentExpiry.Decision decision = ConsentExpiry.decide(connection, now, warned);
        if (decision.expire()) {
            Transition expired = connection.expire(
                    ExpiryReason.CONSENT_EXPIRED,
                    "The consent ended at " + endsAt + ". Re-authorise the connection to continue.",
                    now);
            connections.apply(expired);
            events.expired(expired.connection(), ExpiryReason.CONSENT_EXPIRED, now, null);
            return new Result(0, 0, 1);
        }
        BankConnection current = connection;
        int expiring = 0;
        if (decision.becomeExpiring()) {
            Transition transition = connection.consentExpiring(now);
            connections.apply(transition);
            current = transition.connection();
            expiring = 1;
        }
        if (!decision.warningsDue().isEmpty()) {
            connections.recordWarnings(current, endsAt, decision.warningsDue(), now);
            events.consentExpiring(current);
        }
        return new Result(decision.warningsDue().isEmpty() ? 0 : 1, expiring, 0);
    }

    /**
     * What one run did.
     *
     * @param warned ConsentExpiring events published
     * @param expiring connections that became EXPIRING
     * @param expired connections that EXPIRED
     */
    public record Result(int warned, int expiring, int expired) {}
}
