package io.bankflow.connection.connections.application;

import io.bankflow.connection.accounts.application.port.out.BankAccounts;
import io.bankflow.connection.accounts.domain.BankAccount;
import io.bankflow.connection.accounts.domain.Iban;
import io.bankflow.connection.apisupport.ProviderUnavailableException;
import io.bankflow.connection.connections.application.port.out.ConnectionEvents;
import io.bankflow.connection.connections.application.port.out.Connections;
import io.bankflow.connection.connections.application.port.out.TokenVault;
import io.bankflow.connection.connections.domain.BankConnection;
import io.bankflow.connection.connections.domain.ConnectionStatus;
import io.bankflow.connection.connections.domain.OAuthState;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes the authorization the bank redirected the user back from ({@code /oauth/callback}).
 *
 * <ol>
 *   <li>The state must be known, unexpired and unused; it is claimed (marked used) in a short transaction, so two
 *       callbacks with the same state cannot both go on.
 *   <li>An {@code error} from the bank (e.g. {@code access_denied}) fails the connection with that reason.
 *   <li>Otherwise token-vault-service exchanges the code (outside any transaction). Stored: the connection becomes
 *       ACTIVE (and feeds its bank account), and ConnectionActivated + SyncRequested (INITIAL, 90 days of history)
 *       are written to the outbox in the same transaction. Rejected code: the connection FAILS. token-vault-service
 *       unavailable: the claim is released so the user may retry the same callback while the bank's code lives, and
 *       the answer is 502.
 * </ol>
 */
@Service
public class CompleteAuthorization {

    /** History asked for by the first sync. */
    static final int INITIAL_HISTORY_DAYS = 90;

    private static final Logger log = LoggerFactory.getLogger(CompleteAuthorization.class);

    private final Connections connections;
    private final BankAccounts accounts;
    private final TokenVault tokenVault;
    private final ConnectionEvents events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CompleteAuthorization(
            Connections connections,
            BankAccounts accounts,
            TokenVault tokenVault,
            ConnectionEvents events,
            TransactionTemplate transaction,
            Clock clock) {
        this.connections = connections;
        this.accounts = accounts;
        this.tokenVault = tokenVault;
        this.events = events;
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
    public BankConnection complete(@Nullable String state, @Nullable String code, @Nullable String error) {
        if (state == null || state.isBlank()) {
            throw new InvalidCallbackException();
        }
        String stateHash = new OAuthState(state).hash();
        Connections.AuthorizationInProgress authorization = claim(stateHash);
        BankConnection connection = authorization.connection();
        if (error != null && !error.isBlank()) {
            return fail(connection, "The bank reported " + printable(error) + ".");
        }
        if (code == null || code.isBlank()) {
            return fail(connection, "The bank sent the user back without an authorization code.");
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
            return fail(connection, "The bank rejected the authorization code (authorization-code-rejected).");
        } catch (TokenVault.TokenVaultUnavailableException unavailable) {
            transaction.executeWithoutResult(status -> connections.markAuthorizationUsed(stateHash, null));
            throw new ProviderUnavailableException(
                    "The bank connection could not be completed right now; reload this page to try again.",
                    unavailable);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        BankConnection active = connection.activate();
        transaction.executeWithoutResult(status -> {
            connections.update(active, now);
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
            events.activated(active, now);
            events.initialSyncRequested(
                    active, LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(INITIAL_HISTORY_DAYS), iban);
        });
        log.info("Connection {} of organisation {} is active", active.id(), active.orgId());
        return active;
    }

    private Connections.AuthorizationInProgress claim(String stateHash) {
        Instant now = clock.instant();
        return Objects.requireNonNull(transaction.execute(status -> {
            Connections.AuthorizationInProgress found =
                    connections.lockAuthorization(stateHash).orElseThrow(InvalidCallbackException::new);
            // A state of a connection no longer waiting for consent (completed through a newer authorization, which
            // an Idempotency-Key replay issues) is as dead as a used one.
            if (found.usedAt() != null
                    || !now.isBefore(found.expiresAt())
                    || found.connection().status() != ConnectionStatus.PENDING_CONSENT) {
                log.warn(
                        "Refused a callback for connection {}: state used or expired, or connection not pending",
                        found.connection().id());
                throw new InvalidCallbackException();
            }
            connections.markAuthorizationUsed(stateHash, now);
            return found;
        }));
    }

    private BankConnection fail(BankConnection connection, String reason) {
        BankConnection failed = connection.fail(reason);
        transaction.executeWithoutResult(status -> connections.update(failed, clock.instant()));
        log.info("Connection {} of organisation {} failed: {}", failed.id(), failed.orgId(), reason);
        return failed;
    }

    /** The bank's error code as shown to the user: OAuth error codes are short ASCII words. */
    private static String printable(String error) {
        String cleaned = error.replaceAll("[^A-Za-z0-9_.-]", "");
        // Shown to the user, stored and logged: never a full IBAN, whatever the bank puts there.
        return Iban.maskAllIn(cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned);
    }
}
