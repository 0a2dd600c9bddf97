package io.bankflow.sandboxbank.bank.application;

import io.bankflow.sandboxbank.SandboxBankProperties;
import io.bankflow.sandboxbank.bank.domain.Account;
import io.bankflow.sandboxbank.bank.domain.AccountAccess;
import io.bankflow.sandboxbank.bank.domain.Balances;
import io.bankflow.sandboxbank.bank.domain.Consent;
import io.bankflow.sandboxbank.bank.domain.ConsentStatus;
import io.bankflow.sandboxbank.bank.domain.Ledger;
import io.bankflow.sandboxbank.bank.domain.NewTransaction;
import io.bankflow.sandboxbank.bank.domain.SeedData;
import io.bankflow.sandboxbank.bank.domain.Transaction;
import io.bankflow.sandboxbank.bank.domain.TransactionPage;
import io.bankflow.sandboxbank.bank.domain.TransactionQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The bank's state: the ledger (seeded), the consents and the per-day access counts, all in memory. Every method holds
 * the one lock, so that a listing, a posting and a consent change never interleave.
 */
@Component
public class Bank {

    private final SandboxBankProperties properties;
    private final Clock clock;
    private final Notifications notifications;
    private final List<Consumer<Bank>> resetListeners = new ArrayList<>();

    private Ledger ledger;
    private final Map<String, Consent> consents = new LinkedHashMap<>();
    private final Map<String, Integer> unattendedReads = new HashMap<>();

    public Bank(SandboxBankProperties properties, Clock clock, Notifications notifications) {
        this.properties = properties;
        this.clock = clock;
        this.notifications = notifications;
        this.ledger = seed();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Back to the seeded data: accounts, transactions, consents and access counts (tokens: see the listeners). */
    public void reset() {
        synchronized (this) {
            ledger = seed();
            consents.clear();
            unattendedReads.clear();
        }
        resetListeners.forEach(listener -> listener.accept(this));
    }

    /** Others holding state derived from the bank's (tokens, faults) reset with it. */
    public synchronized void onReset(Consumer<Bank> listener) {
        resetListeners.add(listener);
    }

    // ---- accounts -------------------------------------------------------------------------------------------------

    public synchronized List<Account> accounts() {
        return ledger.accounts();
    }

    public synchronized Optional<Account> account(String resourceId) {
        return ledger.account(resourceId);
    }

    public synchronized Optional<Account> accountByIban(String iban) {
        return ledger.accountByIban(iban);
    }

    public synchronized Balances balances(String accountId) {
        return ledger.balances(accountId);
    }

    public synchronized TransactionPage transactions(TransactionQuery query) {
        return ledger.page(query);
    }

    public synchronized List<Transaction> transactions(String accountId) {
        return ledger.transactions(accountId);
    }

    public synchronized Optional<Transaction> transaction(String accountId, String transactionId) {
        return ledger.transaction(accountId, transactionId);
    }

    /** Posts an entry (a test control: the bank's other customers paying or being paid) and notifies TPPs. */
    public Transaction post(String accountId, NewTransaction request) {
        Transaction posted;
        TransactionsAvailable event;
        synchronized (this) {
            posted = ledger.post(accountId, request, today());
            event = new TransactionsAvailable(accountId, readersOf(accountId));
        }
        notifications.transactionsAvailable(event);
        return posted;
    }

    /** Books a pending entry (new transaction id, same entry reference) and notifies TPPs. */
    public Transaction book(String accountId, String pendingTransactionId) {
        Transaction booked;
        TransactionsAvailable event;
        synchronized (this) {
            booked = ledger.book(accountId, pendingTransactionId, today());
            event = new TransactionsAvailable(accountId, readersOf(accountId));
        }
        notifications.transactionsAvailable(event);
        return booked;
    }

    // ---- consents -------------------------------------------------------------------------------------------------

    /** A new consent in status {@code received}; {@code validUntil} already adjusted by the caller. */
    public synchronized Consent createConsent(
            AccountAccess access, boolean recurring, LocalDate validUntil, int frequencyPerDay) {
        Consent consent = new Consent(
                UUID.randomUUID().toString(),
                access,
                recurring,
                validUntil,
                frequencyPerDay,
                ConsentStatus.RECEIVED,
                today(),
                null);
        consents.put(consent.consentId(), consent);
        return consent;
    }

    /** The consent with its current status (expiry applied). */
    public synchronized Optional<Consent> consent(String consentId) {
        Consent consent = consents.get(consentId);
        if (consent == null) {
            return Optional.empty();
        }
        ConsentStatus status = consent.statusOn(today());
        if (status != consent.status()) {
            consent = consent.withStatus(status, today());
            consents.put(consentId, consent);
        }
        return Optional.of(consent);
    }

    /** The customer approved it at the bank: it becomes valid for that TPP client and names its accounts. */
    public synchronized Consent authorise(String consentId, String clientId) {
        Consent consent = consent(consentId).orElseThrow();
        List<String> ibans = ledger.accounts().stream().map(Account::iban).toList();
        Consent authorised = consent.authorised(consent.access().resolvedFor(ibans), clientId, today());
        consents.put(consentId, authorised);
        return authorised;
    }

    /** Sets a final status (rejected, terminatedByTpp, revokedByPsu, expired); answers the consent. */
    public synchronized Optional<Consent> end(String consentId, ConsentStatus status) {
        return consent(consentId).map(consent -> {
            Consent ended = consent.withStatus(status, today());
            consents.put(consentId, ended);
            return ended;
        });
    }

    /**
     * Counts a read without the customer present (PSD2 RTS art. 36(5)): at most {@code frequencyPerDay} per consent,
     * account and day. Answers false when this read is one too many (and does not count it).
     */
    public synchronized boolean countUnattendedRead(Consent consent, String accountKey) {
        String key = consent.consentId() + "|" + accountKey + "|" + today();
        int used = unattendedReads.getOrDefault(key, 0);
        if (used >= consent.frequencyPerDay()) {
            return false;
        }
        unattendedReads.put(key, used + 1);
        return true;
    }

    private List<String> readersOf(String accountId) {
        String iban = ledger.account(accountId).orElseThrow().iban();
        List<String> readers = new ArrayList<>();
        for (String consentId : List.copyOf(consents.keySet())) {
            Consent consent = consent(consentId).orElseThrow();
            if (consent.status() == ConsentStatus.VALID && consent.access().allowsTransactions(iban)) {
                readers.add(consentId);
            }
        }
        return readers;
    }

    private Ledger seed() {
        SandboxBankProperties.Seed seed = properties.seed();
        LocalDate end = seed.endDate() != null ? seed.endDate() : today();
        return SeedData.generate(seed.value(), end, seed.days());
    }
}
