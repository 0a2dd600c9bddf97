package io.bankflow.connection.connections.application;

import io.bankflow.connection.accounts.application.port.out.BankAccounts;
import io.bankflow.connection.accounts.domain.BankAccount;
import io.bankflow.connection.accounts.domain.Iban;
import io.bankflow.connection.apisupport.ProviderUnavailableException;
import io.bankflow.connection.connections.ConnectionsProperties;
import io.bankflow.connection.connections.application.port.out.BankConsents;
import io.bankflow.connection.connections.application.port.out.ConnectionEvents;
import io.bankflow.connection.connections.application.port.out.Connections;
import io.bankflow.connection.connections.application.port.out.TokenVault;
import io.bankflow.connection.connections.domain.BankConnection;
import io.bankflow.connection.connections.domain.ConnectionStatus;
import io.bankflow.connection.connections.domain.IllegalStateTransitionException;
import io.bankflow.connection.connections.domain.OAuthState;
import io.bankflow.connection.connections.domain.Transition;
import io.bankflow.httpapi.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes the authorization the bank redirected the user back from ({@code /oauth/callback}): the first one of a
 * connection, or a re-authorization of an EXPIRING, EXPIRED or ERROR connection (a new consent for the same
 * connection).
 *
 * <ol>
 *   <li>The state must be known, unexpired and unused; it is claimed (marked used) in a short transaction, so two
 *       callbacks with the same state cannot both go on.
 *   <li>An {@code error} from the bank (e.g. {@code access_denied}) fails a first authorization (the connection
 *       FAILS with that reason); a re-authorization that did not complete leaves the connection as it was.
 *   <li>Otherwise token-vault-service exchanges the code (outside any transaction), and the consent's validity is read
 *       back from the bank (it may have shortened what was asked; if the bank cannot say, what was asked counts,
 *       PSD2's 180 days at most). Stored: the connection becomes ACTIVE with the authorised consent (and feeds its
 *       bank account), and ConnectionActivated ({@code reactivation} for a re-authorization) + SyncRequested
 *       (INITIAL, 90 days of history) are written to the outbox in the same transaction; after a re-authorization
 *       the replaced consent is ended at the bank (best effort). Rejected code: as an error.
 *       token-vault-service unavailable: the claim is released so the user may retry the same callback while the
 *       bank's code lives, and the answer is 502.
 * </ol>
 */
@Service
public class CompleteAuthorization {

    /** History asked for by the first sync. */
    static final int INITIAL_HISTORY_DAYS = 90;

    /** PSD2: a consent lasts at most 180 days. */
    static final int MAX_CONSENT_DAYS = 180;

    private static final Logger log = LoggerFactory.getLogger(CompleteAuthorization.class);

    private final Connections connections;
    private final BankAccounts accounts;
    private final TokenVault tokenVault;
    private final List<BankConsents> banks;
    private final ConnectionEvents events;
    private final ConnectionsProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CompleteAuthorization(
            Connections connections,
            BankAccounts accounts,
            TokenVault tokenVault,
            List<BankConsents> banks,
            ConnectionEvents events,
            ConnectionsProperties properties,
            TransactionTemplate transaction,
            Clock clock) {
        this.connections = connections;
        this.accounts = accounts;
        this.tokenVault = tokenVault;
        this.banks = List.copyOf(banks);
        this.events = events;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * @param state the {@code state} parameter, if any
     * @param code the {@code code} parameter, if any
     * @param error the {@code error} parameter, if any
     * @throws InvalidCallbackException (400) for an unknown, expired or used state, or neither code nor error
     * @throws ProviderUnavailableException (502) when token-vault-service could not exchange the code
     */
    public Outcome complete(@Nullable String state, @Nullable String code, @Nullable String error) {
        if (state == null || state.isBlank()) {
            throw new InvalidCallbackException();
        }
        String stateHash = new OAuthState(state).hash();
        Connections.AuthorizationInProgress authorization = claim(stateHash);
        BankConnection connection = authorization.connection();
        if (error != null && !error.isBlank()) {
            return notCompleted(connection, "The bank reported " + printable(error) + ".");
        }
        if (code == null || code.isBlank()) {
            return notCompleted(connection, "The bank sent the user back without an authorization code.");
        }
        try {
            tokenVault.exchangeAuthorizationCode(
                    connection.id(),
                    connection.orgId(),
                    connection.provider(),
                    code,
                    authorization.pkce(),
                    authorization.redirectUri());
        } catch (TokenVault.CodeRejectedException rejected) {
            return notCompleted(connection, "The bank rejected the authorization code (authorization-code-rejected).");
        } catch (TokenVault.TokenVaultUnavailableException unavailable) {
            transaction.executeWithoutResult(status -> connections.markAuthorizationUsed(stateHash, null));
            throw new ProviderUnavailableException(
                    "The bank connection could not be completed right now; reload this page to try again.",
                    unavailable);
        }
        String consentId = Objects.requireNonNullElse(authorization.consentId(), connection.consentId());
        if (consentId == null) {
            throw new IllegalStateException("Connection " + connection.id() + " has no consent to activate");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate validUntil = grantedValidity(connection.provider(), consentId, authorization, now);
        Transition transition = Objects.requireNonNull(transaction.execute(status -> {
            BankConnection current = connections
                    .lock(connection.orgId(), connection.id())
                    .orElseThrow(() -> NotFoundException.of("Connection", connection.id()));
            Transition activated;
            try {
                activated = current.authorized(consentId, validUntil, now);
            } catch (IllegalStateTransitionException e) {
                // E.g. disconnected while the user was at the bank.
                throw new IllegalTransitionProblem(e);
            }
            BankConnection active = activated.connection();
            connections.apply(activated);
            accounts.linkConnection(active.orgId(), active.bankAccountId(), active.id(), now);
            // Read in the same transaction as the events, so SyncRequested names the account as it is now stored.
            @Nullable
            Iban iban = accounts.find(active.orgId(), active.bankAccountId())
                    .map(BankAccount::iban)
                    .orElse(null);
            if (iban == null) {
                log.warn(
                        "Connection {} feeds bank account {}, which is missing: SyncRequested goes without an IBAN",
                        active.id(),
                        active.bankAccountId());
            }
            events.activated(active, now, activated.isReactivation());
            events.initialSyncRequested(
                    active, LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(INITIAL_HISTORY_DAYS), iban);
            return activated;
        }));
        BankConnection active = transition.connection();
        String previousConsent = connection.consentId();
        if (transition.isReactivation() && previousConsent != null && !previousConsent.equals(consentId)) {
            endReplacedConsent(active, previousConsent);
        }
        log.info(
                "Connection {} of organisation {} is active{} (consent {} valid until {})",
                active.id(),
                active.orgId(),
                transition.isReactivation() ? " again" : "",
                consentId,
                validUntil);
        return new Outcome(active, null, transition.isReactivation());
    }

    /**
     * The consent's last day as the bank granted it: read back from the bank (Berlin Group {@code GET
     * /v1/consents/{id}}); if the bank cannot answer now, what was asked, capped at PSD2's 180 days.
     */
    private LocalDate grantedValidity(
            String provider, String consentId, Connections.AuthorizationInProgress authorization, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate latest = today.plusDays(MAX_CONSENT_DAYS);
        LocalDate asked = Objects.requireNonNullElse(
                authorization.consentValidUntil(),
                today.plusDays(properties.consentValidity().toDays()));
        try {
            LocalDate granted = bank(provider).consent(consentId).validUntil();
            return granted.isAfter(latest) ? latest : granted;
        } catch (BankConsents.BankUnavailableException | BankConsents.ConsentRefusedException e) {
            log.warn(
                    "Could not read consent {} back from {} ({}); counting the validity asked for, {}",
                    consentId,
                    provider,
                    e.getMessage(),
                    asked);
            return asked.isAfter(latest) ? latest : asked;
        }
    }

    /**
     * After a re-authorization the old consent is of no use: it is ended at the bank (its tokens with it; the new
     * consent's tokens are bound to the new one). Best effort: the connection is active either way, and a consent left
     * behind lapses at its validUntil.
     */
    private void endReplacedConsent(BankConnection connection, String previousConsent) {
        try {
            bank(connection.provider()).revokeConsent(previousConsent);
        } catch (BankConsents.BankUnavailableException e) {
            log.warn(
                    "Could not end consent {} replaced by the re-authorization of connection {}: {}",
                    previousConsent,
                    connection.id(),
                    e.getMessage());
        }
    }

    private Connections.AuthorizationInProgress claim(String stateHash) {
        Instant now = clock.instant();
        return Objects.requireNonNull(transaction.execute(status -> {
            Connections.AuthorizationInProgress found =
                    connections.lockAuthorization(stateHash).orElseThrow(InvalidCallbackException::new);
            // A state of a connection that can no longer be authorised (completed through a newer authorization,
            // which an Idempotency-Key replay issues; failed; disconnected) is as dead as a used one.
            ConnectionStatus connectionStatus = found.connection().status();
            boolean authorizable = connectionStatus == ConnectionStatus.PENDING_CONSENT
                    || (connectionStatus.needsReauthorization()
                            && found.consentId() != null
                            && !found.consentId().equals(found.connection().consentId()));
            if (found.usedAt() != null || !now.isBefore(found.expiresAt()) || !authorizable) {
                log.warn(
                        "Refused a callback for connection {}: state used or expired, or connection not authorizable",
                        found.connection().id());
                throw new InvalidCallbackException();
            }
            connections.markAuthorizationUsed(stateHash, now);
            return found;
        }));
    }

    /**
     * The authorization did not complete: a first one fails the connection; a re-authorization leaves the connection
     * as it is (still expiring, expired or in error), and the user may start it again.
     */
    private Outcome notCompleted(BankConnection connection, String reason) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        BankConnection after = Objects.requireNonNull(transaction.execute(status -> {
            BankConnection current = connections
                    .lock(connection.orgId(), connection.id())
                    .orElseThrow(() -> NotFoundException.of("Connection", connection.id()));
            if (current.status() != ConnectionStatus.PENDING_CONSENT) {
                return current;
            }
            Transition failed = current.fail(reason, now);
            connections.apply(failed);
            return failed.connection();
        }));
        log.info(
                "Authorization of connection {} of organisation {} did not complete ({}): {}",
                after.id(),
                after.orgId(),
                after.status(),
                reason);
        boolean reauthorization = after.status() != ConnectionStatus.FAILED;
        return new Outcome(after, reauthorization ? reason : after.failureReason(), reauthorization);
    }

    private BankConsents bank(String provider) {
        return banks.stream()
                .filter(candidate -> candidate.provider().equals(provider))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No adapter for provider " + provider));
    }

    /** The bank's error code as shown to the user: OAuth error codes are short ASCII words. */
    private static String printable(String error) {
        String cleaned = error.replaceAll("[^A-Za-z0-9_.-]", "");
        // Shown to the user, stored and logged: never a full IBAN, whatever the bank puts there.
        return Iban.maskAllIn(cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned);
    }

    /**
     * What the callback achieved.
     *
     * @param connection the connection as it is now
     * @param failureReason why the authorization did not complete; null when the connection is ACTIVE
     * @param reauthorization whether it was a re-authorization of an existing connection
     */
    public record Outcome(
            BankConnection connection, @Nullable String failureReason, boolean reauthorization) {

        /** Whether the connection is ACTIVE (again). */
        public boolean completed() {
            return failureReason == null;
        }
    }
}
