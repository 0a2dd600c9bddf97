package io.bankflow.connection.accounts.application;

import io.bankflow.connection.accounts.BankAccountsProperties;
import io.bankflow.connection.accounts.application.port.out.BankAccounts;
import io.bankflow.connection.accounts.domain.BankAccount;
import io.bankflow.connection.accounts.domain.GlCode;
import io.bankflow.connection.accounts.domain.Iban;
import io.bankflow.connection.idempotency.IdempotentCreations;
import io.bankflow.httpapi.ConflictException;
import io.bankflow.httpapi.UnprocessableException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers a bank account of the caller's organisation. An IBAN is registered once per organisation (another
 * registration is a conflict naming the existing account). Making it the default for its currency ends the previous
 * default's role in the same transaction.
 *
 * <p>With an {@code Idempotency-Key}, a retry of the same request (same key, same body) within the retention gets the
 * first account again; the same key with a different body is refused (422); while the first request with the key is
 * still running, a second one is told so (409) rather than made to wait ({@link IdempotentCreations}).
 */
@Service
public class CreateBankAccount {

    /** The {@link IdempotentCreations} scope of account creations. */
    static final String IDEMPOTENCY_SCOPE = "bank-account";

    private static final Logger log = LoggerFactory.getLogger(CreateBankAccount.class);

    private final BankAccounts accounts;
    private final IdempotentCreations idempotentCreations;
    private final BankAccountsProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CreateBankAccount(
            BankAccounts accounts,
            IdempotentCreations idempotentCreations,
            BankAccountsProperties properties,
            TransactionTemplate transaction,
            Clock clock) {
        this.accounts = accounts;
        this.idempotentCreations = idempotentCreations;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Creates the account, or replays an earlier creation with the same idempotency key.
     *
     * @throws ConflictException when the IBAN is already registered (409 {@code iban-already-registered}) or a request
     *     with the same key is still running (409 {@code idempotency-key-in-use})
     * @throws UnprocessableException when the idempotency key was used for a different request (422)
     */
    public Created create(Command command) {
        IdempotentCreations.Result<BankAccount> result = idempotentCreations.create(
                new IdempotentCreations.Request(
                        IDEMPOTENCY_SCOPE,
                        command.orgId(),
                        command.idempotencyKey(),
                        fingerprint(command),
                        properties.idempotencyRetention()),
                completion -> Objects.requireNonNull(transaction.execute(status -> register(command, completion))),
                accountId -> accounts.find(command.orgId(), accountId)
                        .orElseThrow(() -> new IllegalStateException("Idempotency record of organisation "
                                + command.orgId() + " points to missing bank account " + accountId)));
        return new Created(result.value(), result.replayed());
    }

    private BankAccount register(Command command, IdempotentCreations.Completion completion) {
        // Microseconds: what PostgreSQL keeps, so page cursors made from this value find the row again.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
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
        completion.completed(account.id());
        log.info(
                "Registered bank account {} ({} {}, default {}) in organisation {}",
                account.id(),
                account.currency(),
                account.iban().masked(),
                account.isDefault(),
                account.orgId());
        return account;
    }

    /** SHA-256 of the request's canonical form: what was asked for, independent of JSON formatting. */
    static String fingerprint(Command command) {
        // Unchanged since the first release: keys remembered before the shared idempotency table still match.
        return IdempotentCreations.fingerprint(
                command.glCode().value(),
                command.currency().getCurrencyCode(),
                command.iban().value(),
                String.valueOf(command.name()),
                String.valueOf(command.isDefault()));
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
