package io.bankflow.connection.connections.application;

import io.bankflow.connection.accounts.application.port.out.BankAccounts;
import io.bankflow.connection.accounts.domain.BankAccount;
import io.bankflow.connection.apisupport.ProviderUnavailableException;
import io.bankflow.connection.connections.ConnectionsProperties;
import io.bankflow.connection.connections.application.port.out.BankConsents;
import io.bankflow.connection.connections.application.port.out.Connections;
import io.bankflow.connection.connections.domain.BankConnection;
import io.bankflow.connection.connections.domain.IllegalStateTransitionException;
import io.bankflow.connection.connections.domain.OAuthState;
import io.bankflow.connection.connections.domain.Pkce;
import io.bankflow.httpapi.NotFoundException;
import io.bankflow.httpapi.UnprocessableException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts re-authorising an EXPIRING, EXPIRED or ERROR connection: asks the bank for a new consent for the same
 * account and answers a fresh authorization URL (new state and PKCE verifier) for the SAME connection. The connection
 * keeps its status, history and bank account until the user completes the authorization ({@link
 * CompleteAuthorization}); only then does the new consent replace the old one. Earlier unused authorizations of the
 * connection stop working.
 */
@Service
public class ReauthorizeConnection {

    private static final Logger log = LoggerFactory.getLogger(ReauthorizeConnection.class);

    private final Connections connections;
    private final BankAccounts accounts;
    private final List<BankConsents> banks;
    private final ConnectionsProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ReauthorizeConnection(
            Connections connections,
            BankAccounts accounts,
            List<BankConsents> banks,
            ConnectionsProperties properties,
            TransactionTemplate transaction,
            Clock clock) {
        this.connections = connections;
        this.accounts = accounts;
        this.banks = List.copyOf(banks);
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * @throws NotFoundException (404) when the organisation has no such connection
     * @throws IllegalTransitionProblem (409) when the connection is not EXPIRING, EXPIRED or ERROR
     * @throws UnprocessableException (422) when its bank account is gone or deactivated, or the bank refuses
     * @throws ProviderUnavailableException (502) when the bank cannot be reached
     */
    public Reauthorization reauthorize(String orgId, UUID connectionId) {
        BankConnection connection = connections
                .find(orgId, connectionId)
                .orElseThrow(() -> NotFoundException.of("Connection", connectionId));
        requireReauthorizable(connection);
        BankAccount account = accounts.find(orgId, connection.bankAccountId())
                .orElseThrow(() -> new UnprocessableException(
                        "unknown-bank-account",
                        "Unknown bank account",
                        "The connection's bank account " + connection.bankAccountId() + " no longer exists."));
        BankConsents bank = banks.stream()
                .filter(candidate -> candidate.provider().equals(connection.provider()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No adapter for provider " + connection.provider()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate validUntil = LocalDate.ofInstant(now, ZoneOffset.UTC)
                .plusDays(properties.consentValidity().toDays());
        BankConsents.CreatedConsent consent =
                BankConsentRequests.request(bank, account, orgId, validUntil, properties.consentFrequencyPerDay());

        OAuthState state = OAuthState.generate(random);
        Pkce pkce = Pkce.generate(random);
        URI redirectUri = properties.callbackUrl();
        BankConnection current = Objects.requireNonNull(transaction.execute(status -> {
            BankConnection locked = connections
                    .lock(orgId, connectionId)
                    .orElseThrow(() -> NotFoundException.of("Connection", connectionId));
            // Checked again under the lock: a callback or a disconnect may have won the race.
            requireReauthorizable(locked);
            connections.replaceAuthorizations(
                    new Connections.PendingAuthorization(
                            state.hash(),
                            connectionId,
                            orgId,
                            pkce,
                            redirectUri,
                            consent.authorizationEndpoint(),
                            now.plus(properties.stateTtl()),
                            now,
                            consent.consentId(),
                            validUntil),
                    now);
            return locked;
        }));
        URI authorizationUrl = bank.authorizationUrl(consent, state.value(), pkce.s256Challenge(), redirectUri);
        log.info(
                "Re-authorization of connection {} ({}) of organisation {} started: new consent {}",
                connectionId,
                current.status(),
                orgId,
                consent.consentId());
        return new Reauthorization(current, authorizationUrl);
    }

    private static void requireReauthorizable(BankConnection connection) {
        try {
            connection.requireReauthorizable();
        } catch (IllegalStateTransitionException e) {
            throw new IllegalTransitionProblem(e);
        }
    }

    /**
     * A re-authorization waiting for the user.
     *
     * @param connection the connection, unchanged until the user completes it
     * @param authorizationUrl where to send the user (single-use state; shown once)
     */
    public record Reauthorization(BankConnection connection, URI authorizationUrl) {}
}
