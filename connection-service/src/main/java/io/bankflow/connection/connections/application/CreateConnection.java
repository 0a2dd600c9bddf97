package io.bankflow.connection.connections.application;

import io.bankflow.connection.accounts.application.port.out.BankAccounts;
import io.bankflow.connection.accounts.domain.BankAccount;
import io.bankflow.connection.apisupport.ProviderUnavailableException;
import io.bankflow.connection.connections.ConnectionsProperties;
import io.bankflow.connection.connections.application.port.out.BankConsents;
import io.bankflow.connection.connections.application.port.out.Connections;
import io.bankflow.connection.connections.domain.BankConnection;
import io.bankflow.connection.connections.domain.ConnectionStatus;
import io.bankflow.connection.connections.domain.OAuthState;
import io.bankflow.connection.connections.domain.Pkce;
import io.bankflow.connection.idempotency.IdempotentCreations;
import io.bankflow.httpapi.ConflictException;
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
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts connecting a registered bank account: asks the bank for a consent to read it, then stores the connection
 * ({@code PENDING_CONSENT}) with a fresh OAuth state and PKCE verifier and answers the URL to send the user to.
 *
 * <p>The bank is called outside any database transaction (no connection is held while it answers); only the final
 * writes are one transaction. A consent created at the bank whose connection could not be stored is simply never
 * authorised: it stays {@code received} at the bank until it lapses.
 *
 * <p>With an {@code Idempotency-Key} ({@link IdempotentCreations}, as for bank accounts), a retry of the same request
 * gets the same connection; the same key with another body is refused (422); while the first request runs, a second
 * one is told so (409). The first answer's authorization URL is not replayed: it carries the state, which is stored
 * only as a hash (and must stay single-use). A replay of a connection still {@code PENDING_CONSENT} therefore answers
 * a fresh authorization for the same consent (new state and PKCE verifier; the earlier states stop working); one that
 * has moved on (active, failed) answers no authorization URL.
 */
@Service
public class CreateConnection {

    /** The {@link IdempotentCreations} scope of connection creations. */
    static final String IDEMPOTENCY_SCOPE = "connection";

    private static final Logger log = LoggerFactory.getLogger(CreateConnection.class);

    private final BankAccounts accounts;
    private final Connections connections;
    private final List<BankConsents> banks;
    private final IdempotentCreations idempotentCreations;
    private final ConnectionsProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CreateConnection(
            BankAccounts accounts,
            Connections connections,
            List<BankConsents> banks,
            IdempotentCreations idempotentCreations,
            ConnectionsProperties properties,
            TransactionTemplate transaction,
            Clock clock) {
        this.accounts = accounts;
        this.connections = connections;
        this.banks = List.copyOf(banks);
        this.idempotentCreations = idempotentCreations;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Whether a provider adapter of that name exists. */
    public boolean supports(String provider) {
        return banks.stream().anyMatch(bank -> bank.provider().equals(provider));
    }

    /**
     * Creates the connection, or replays the one an earlier request with the same idempotency key created.
     *
     * @throws UnprocessableException (422) when the account is unknown in the organisation or inactive, the bank
     *     refuses the consent, or the idempotency key was used for a different request
     * @throws ConflictException (409 {@code idempotency-key-in-use}) when a request with the same key is still running
     * @throws ProviderUnavailableException (502) when the bank cannot be reached
     */
    public Started create(Command command) {
        BankConsents bank = bank(command.provider());
        IdempotentCreations.Result<Started> result = idempotentCreations.create(
                new IdempotentCreations.Request(
                        IDEMPOTENCY_SCOPE,
                        command.orgId(),
                        command.idempotencyKey(),
                        fingerprint(command),
                        properties.idempotencyRetention()),
                completion -> start(command, bank, completion),
                connectionId -> resume(command.orgId(), connectionId));
        return result.value();
    }

    private Started start(Command command, BankConsents bank, IdempotentCreations.Completion completion) {
        BankAccount account = accounts.find(command.orgId(), command.bankAccountId())
                .orElseThrow(() -> new UnprocessableException(
                        "unknown-bank-account",
                        "Unknown bank account",
                        "The organisation has no bank account " + command.bankAccountId() + "."));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate validUntil = today.plusDays(properties.consentValidity().toDays());
        BankConsents.CreatedConsent consent = BankConsentRequests.request(
                bank, account, command.orgId(), validUntil, properties.consentFrequencyPerDay());

        OAuthState state = OAuthState.generate(random);
        Pkce pkce = Pkce.generate(random);
        URI redirectUri = properties.callbackUrl();
        BankConnection connection = BankConnection.pendingConsent(
                UUID.randomUUID(),
                command.orgId(),
                bank.provider(),
                command.environment(),
                account.id(),
                consent.consentId(),
                now);
        Connections.PendingAuthorization authorization = new Connections.PendingAuthorization(
                state.hash(),
                connection.id(),
                command.orgId(),
                pkce,
                redirectUri,
                consent.authorizationEndpoint(),
                now.plus(properties.stateTtl()),
                now,
                consent.consentId(),
                validUntil);
        transaction.executeWithoutResult(status -> {
            connections.add(connection, connection.created(null), authorization);
            completion.completed(connection.id());
        });
        URI authorizationUrl = bank.authorizationUrl(consent, state.value(), pkce.s256Challenge(), redirectUri);
        log.info(
                "Created connection {} ({}) for bank account {} of organisation {}; waiting for consent {}",
                connection.id(),
                bank.provider(),
                account.id(),
                command.orgId(),
                consent.consentId());
        return new Started(connection, authorizationUrl, false);
    }

    /**
     * The answer to a retried creation: the connection, with a fresh authorization while it still waits for consent
     * (see the class comment for why the first URL is not replayed).
     */
    private Started resume(String orgId, UUID connectionId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        OAuthState state = OAuthState.generate(random);
        Pkce pkce = Pkce.generate(random);
        URI redirectUri = properties.callbackUrl();
        return Objects.requireNonNull(transaction.execute(status -> {
            Connections.Authorizable found = connections
                    .lockForNewAuthorization(orgId, connectionId)
                    .orElseThrow(() -> new IllegalStateException("Idempotency record of organisation " + orgId
                            + " points to missing connection " + connectionId));
            BankConnection connection = found.connection();
            URI endpoint = found.authorizationEndpoint();
            String consentId = connection.consentId();
            if (connection.status() != ConnectionStatus.PENDING_CONSENT || endpoint == null || consentId == null) {
                return new Started(connection, null, true);
            }
            connections.replaceAuthorizations(
                    new Connections.PendingAuthorization(
                            state.hash(),
                            connection.id(),
                            orgId,
                            pkce,
                            redirectUri,
                            endpoint,
                            now.plus(properties.stateTtl()),
                            now,
                            consentId,
                            null),
                    now);
            URI authorizationUrl = bank(connection.provider())
                    .authorizationUrl(
                            new BankConsents.CreatedConsent(consentId, endpoint),
                            state.value(),
                            pkce.s256Challenge(),
                            redirectUri);
            log.info(
                    "Issued a new authorization for connection {} of organisation {} to a retried request",
                    connection.id(),
                    orgId);
            return new Started(connection, authorizationUrl, true);
        }));
    }

    private BankConsents bank(String provider) {
        return banks.stream()
                .filter(candidate -> candidate.provider().equals(provider))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No adapter for provider " + provider));
    }

    /** SHA-256 of what the request asks for (the same key with another body is refused). */
    static String fingerprint(Command command) {
        return IdempotentCreations.fingerprint(
                command.provider(), command.bankAccountId().toString(), command.environment());
    }

    /**
     * A connection request.
     *
     * @param orgId the caller's organisation
     * @param provider the provider adapter
     * @param bankAccountId the registered account to connect
     * @param environment the provider's environment
     * @param idempotencyKey the client's {@code Idempotency-Key}, or null
     */
    public record Command(
            String orgId,
            String provider,
            UUID bankAccountId,
            String environment,
            @Nullable String idempotencyKey) {

        public Command {
            Objects.requireNonNull(orgId, "orgId");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(bankAccountId, "bankAccountId");
            Objects.requireNonNull(environment, "environment");
        }
    }

    /**
     * A connection waiting for the user's consent.
     *
     * @param connection the connection
     * @param authorizationUrl where to send the user; contains the state, so it is shown once and not stored. Null
     *     only for a replay of a connection that no longer waits for consent
     * @param replayed whether this answers a retried request (same Idempotency-Key) with an earlier connection
     */
    public record Started(
            BankConnection connection, @Nullable URI authorizationUrl, boolean replayed) {}
}
