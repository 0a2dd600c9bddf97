package io.bankflow.connection.connections.application;

import io.bankflow.connection.accounts.application.port.out.BankAccounts;
import io.bankflow.connection.accounts.domain.BankAccount;
import io.bankflow.connection.apisupport.ProviderUnavailableException;
import io.bankflow.connection.connections.ConnectionsProperties;
import io.bankflow.connection.connections.application.port.out.BankConsents;
import io.bankflow.connection.connections.application.port.out.Connections;
import io.bankflow.connection.connections.domain.BankConnection;
import io.bankflow.connection.connections.domain.OAuthState;
import io.bankflow.connection.connections.domain.Pkce;
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
 * Starts connecting a registered bank account: asks the bank for a consent to read it, then stores the connection
 * ({@code PENDING_CONSENT}) with a fresh OAuth state and PKCE verifier and answers the URL to send the user to.
 *
 * <p>The bank is called outside any database transaction (no connection is held while it answers); only the final
 * writes are one transaction. A consent created at the bank whose connection could not be stored is simply never
 * authorised: it stays {@code received} at the bank until it lapses.
 */
@Service
public class CreateConnection {

    private static final Logger log = LoggerFactory.getLogger(CreateConnection.class);

    private final BankAccounts accounts;
    private final Connections connections;
    private final List<BankConsents> banks;
    private final ConnectionsProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CreateConnection(
            BankAccounts accounts,
            Connections connections,
            List<BankConsents> banks,
            ConnectionsProperties properties,
            TransactionTemplate transaction,
            Clock clock) {
        this.accounts = accounts;
        this.connections = connections;
        this.banks = List.copyOf(banks);
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Whether a provider adapter of that name exists. */
    public boolean supports(String provider) {
        return banks.stream().anyMatch(bank -> bank.provider().equals(provider));
    }

    /**
     * @throws UnprocessableException (422) when the account is unknown in the organisation or inactive, or the bank
     *     refuses the consent
     * @throws ProviderUnavailableException (502) when the bank cannot be reached
     */
    public Started create(Command command) {
        BankConsents bank = banks.stream()
                .filter(candidate -> candidate.provider().equals(command.provider()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No adapter for provider " + command.provider()));
        BankAccount account = accounts.find(command.orgId(), command.bankAccountId())
                .orElseThrow(() -> new UnprocessableException(
                        "unknown-bank-account",
                        "Unknown bank account",
                        "The organisation has no bank account " + command.bankAccountId() + "."));
        if (!account.active()) {
            throw new UnprocessableException(
                    "bank-account-inactive",
                    "Bank account inactive",
                    "Bank account " + account.id() + " is deactivated; activate it before connecting it.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        BankConsents.CreatedConsent consent;
        try {
            consent = bank.createConsent(new BankConsents.ConsentRequest(
                    account.iban().value(),
                    today.plusDays(properties.consentValidity().toDays()),
                    properties.consentFrequencyPerDay()));
        } catch (BankConsents.ConsentRefusedException refused) {
            log.warn(
                    "Bank {} refused a consent for account {} of organisation {}: {} {}",
                    bank.provider(),
                    account.id(),
                    command.orgId(),
                    refused.code(),
                    refused.getMessage());
            throw new UnprocessableException(
                    "consent-refused",
                    "Consent refused by the bank",
                    "The bank refused to create a consent for this account (" + refused.code()
                            + "); check that the account is held at this bank.");
        } catch (BankConsents.BankUnavailableException unavailable) {
            throw new ProviderUnavailableException(
                    "The bank could not be reached to create the consent; try again later.", unavailable);
        }

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
                now.plus(properties.stateTtl()),
                now);
        transaction.executeWithoutResult(status -> connections.add(connection, authorization));
        URI authorizationUrl = bank.authorizationUrl(consent, state.value(), pkce.s256Challenge(), redirectUri);
        log.info(
                "Created connection {} ({}) for bank account {} of organisation {}; waiting for consent {}",
                connection.id(),
                bank.provider(),
                account.id(),
                command.orgId(),
                consent.consentId());
        return new Started(connection, authorizationUrl);
    }

    /**
     * A connection request.
     *
     * @param orgId the caller's organisation
     * @param provider the provider adapter
     * @param bankAccountId the registered account to connect
     * @param environment the provider's environment
     */
    public record Command(String orgId, String provider, UUID bankAccountId, String environment) {

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
     * @param authorizationUrl where to send the user; contains the state, so it is shown once and not stored
     */
    public record Started(BankConnection connection, URI authorizationUrl) {}
}
