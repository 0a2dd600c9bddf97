package io.bankflow.connection.accounts.application;

import io.bankflow.connection.accounts.BankAccountsProperties;
import io.bankflow.connection.accounts.application.port.out.AccountCreationRequests;
import io.bankflow.connection.accounts.application.port.out.BankAccounts;
import io.bankflow.connection.accounts.domain.BankAccount;
import io.bankflow.connection.accounts.domain.GlCode;
import io.bankflow.connection.accounts.domain.Iban;
import io.bankflow.httpapi.ConflictException;
import io.bankflow.httpapi.UnprocessableException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a bank account of the caller's organisation. An IBAN is registered once per organisation (another
 * registration is a conflict naming the existing account). Making it the default for its currency ends the previous
 * default's role in the same transaction.
 *
 * <p>With an {@code Idempotency-Key}, a retry of the same request (same key, same body) within the retention gets the
 * first account again; the same key with a different body is refused (422); while the first request with the key is
 * still running, a second one is told so (409) rather than made to wait.
 */
@Service
public class CreateBankAccount {

    private static final Logger log = LoggerFactory.getLogger(CreateBankAccount.class);

    private final BankAccounts accounts;
    private final AccountCreationRequests creationRequests;
    private final BankAccountsProperties properties;
    private final Clock clock;

    CreateBankAccount(
            BankAccounts accounts,
            AccountCreationRequests creationRequests,
            BankAccountsProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.creationRequests = creationRequests;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Creates the account, or replays an earlier creation with the same idempotency key.
     *
     * @throws ConflictException when the IBAN is already registered (409 {@code iban-already-registered}) or a request
     *     with the same key is still running (409 {@code idempotency-key-in-use})
     * @throws UnprocessableException when the idempotency key was used for a different request (422)
     */
    @Transactional
    public Created create(Command command) {
        // Microseconds: what PostgreSQL keeps, so page cursors made from this value find the row again.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String fingerprint = fingerprint(command);
        String key = command.idempotencyKey();
        if (key != null) {
            if (!creationRequests.tryLock(command.orgId(), key)) {
                throw new ConflictException(
                        "idempotency-key-in-use",
                        "Request still in progress",
                        "A request with this Idempotency-Key is still being processed; retry when it has finished.");
            }
            Optional<AccountCreationRequests.EarlierCreation> earlier =
                    creationRequests.find(command.orgId(), key, now.minus(properties.idempotencyRetention()));
            if (earlier.isPresent()) {
                return replay(command.orgId(), fingerprint, earlier.get());
            }
        }
        if (command.isDefault()) {
            accounts.clearDefault(command.orgId(), command.currency());
        }
        BankAccount account = BankAccount.register(
                UUID.randomUUID(),
                command.orgId(),
                command.glCode(),
                command.currency(),
                command.iban(),
                command.name(),
                command.isDefault(),
                now);
        if (!accounts.add(account)) {
            ConflictException conflict = new ConflictException(
                    "iban-already-registered",
                    "IBAN already registered",
                    "The organisation already has a bank account with IBAN "
                            + command.iban().masked() + ".");
            accounts.findByIban(command.orgId(), command.iban())
                    .ifPresent(existing ->
                            conflict.withProperty("existingId", existing.id().toString()));
            throw conflict;
        }
        if (key != null) {
            creationRequests.record(command.orgId(), key, fingerprint, account.id(), now);
        }
        log.info(
                "Registered bank account {} ({} {}, default {}) in organisation {}",
                account.id(),
                account.currency(),
                account.iban().masked(),
                account.isDefault(),
                account.orgId());
        return new Created(account, false);
    }

    private Created replay(String orgId, String fingerprint, AccountCreationRequests.EarlierCreation earlier) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new UnprocessableException(
                    "idempotency-key-reused",
                    "Idempotency key reused",
                    "This Idempotency-Key was already used for a different request; use a new key for a new request.");
        }
        BankAccount account = accounts.find(orgId, earlier.accountId())
                .orElseThrow(() -> new IllegalStateException("Idempotency record of organisation " + orgId
                        + " points to missing bank account " + earlier.accountId()));
        log.info("Replayed the creation of bank account {} for a retried request", account.id());
        return new Created(account, true);
    }

    /** SHA-256 of the request's canonical form: what was asked for, independent of JSON formatting. */
    static String fingerprint(Command command) {
        String canonical = String.join(
                "\u001f",
                command.glCode().value(),
                command.currency().getCurrencyCode(),
                command.iban().value(),
                String.valueOf(command.name()),
                String.valueOf(command.isDefault()));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * A registration request.
     *
     * @param orgId the caller's organisation
     * @param glCode the ERP ledger account
     * @param currency the account's currency
     * @param iban the account number
     * @param name what people call it, if given
     * @param isDefault whether it becomes the default for its currency
     * @param idempotencyKey the client's {@code Idempotency-Key}, or null
     */
    public record Command(
            String orgId,
            GlCode glCode,
            Currency currency,
            Iban iban,
            @Nullable String name,
            boolean isDefault,
            @Nullable String idempotencyKey) {

        public Command {
            Objects.requireNonNull(orgId, "orgId");
            Objects.requireNonNull(glCode, "glCode");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(iban, "iban");
        }
    }

    /**
     * The account created (or created earlier, for a replay).
     *
     * @param account the account
     * @param replayed whether this answers a retried request
     */
    public record Created(BankAccount account, boolean replayed) {}
}
