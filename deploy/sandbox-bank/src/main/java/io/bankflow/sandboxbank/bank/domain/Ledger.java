package io.bankflow.sandboxbank.bank.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The accounts and their entries, versioned. Every change increases the ledger's version; an entry records the version
 * that added it and the one that removed it (a pending entry is removed when it books). A listing therefore reads the
 * ledger as it was at one version (its snapshot), and every page of that listing sees the same entries: a stable
 * cursor. Not thread-safe: {@code BankState} serialises access.
 */
public final class Ledger {

    private static final long LIVE = Long.MAX_VALUE;
    private static final Comparator<Entry> NEWEST_FIRST = Comparator.<Entry, LocalDate>comparing(
                    entry -> entry.transaction().bookingDate() != null
                            ? entry.transaction().bookingDate()
                            : entry.transaction().valueDate())
            .thenComparingLong(Entry::sequence)
            .reversed();

    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, List<Entry>> entries = new HashMap<>();
    private final Map<String, Integer> entrySequence = new HashMap<>();
    private final Random ids;
    private long version;
    private long sequence;

    private record Entry(Transaction transaction, long sequence, long addedAt, long removedAt) {
        boolean visibleAt(long snapshot) {
            return addedAt <= snapshot && snapshot < removedAt;
        }
    }

    /** @param ids where transaction ids come from: seeded, so that the same operations give the same ids */
    public Ledger(Random ids) {
        this.ids = ids;
    }

    public void open(Account account) {
        accounts.put(account.resourceId(), account);
        entries.put(account.resourceId(), new ArrayList<>());
        entrySequence.put(account.resourceId(), 0);
    }

    public List<Account> accounts() {
        return List.copyOf(accounts.values());
    }

    public Optional<Account> account(String resourceId) {
        return Optional.ofNullable(accounts.get(resourceId));
    }

    public Optional<Account> accountByIban(String iban) {
        String compact = iban.replace(" ", "");
        return accounts.values().stream()
                .filter(account -> account.iban().equalsIgnoreCase(compact))
                .findFirst();
    }

    public long version() {
        return version;
    }

    /** Posts an entry to an account and answers it. */
    public Transaction post(String accountId, NewTransaction request, LocalDate today) {
        Account account = requireAccount(accountId);
        boolean booked = request.status() == Transaction.Status.BOOKED;
        LocalDate bookingDate = booked ? (request.bookingDate() != null ? request.bookingDate() : today) : null;
        LocalDate valueDate =
                request.valueDate() != null ? request.valueDate() : bookingDate != null ? bookingDate : today;
        BigDecimal amount = request.amount().setScale(2, java.math.RoundingMode.UNNECESSARY);
        boolean outgoing = amount.signum() < 0;
        String code = request.bankTransactionCode() != null
                ? request.bankTransactionCode()
                : outgoing ? "PMNT-ICDT-ESCT" : "PMNT-RCDT-ESCT";
        Transaction transaction = new Transaction(
                newTransactionId(),
                nextEntryReference(account),
                accountId,
                request.status(),
                bookingDate,
                valueDate,
                amount,
                account.currency(),
                outgoing ? request.counterpartyName() : null,
                outgoing ? request.counterpartyIban() : null,
                outgoing ? null : request.counterpartyName(),
                outgoing ? null : request.counterpartyIban(),
                request.remittanceInformationUnstructured(),
                request.endToEndId(),
                code);
        add(transaction);
        return transaction;
    }

    /**
     * Books a pending entry: it leaves the pending list and a booked entry with a new transaction id and the same
     * entry reference takes its place.
     */
    public Transaction book(String accountId, String pendingTransactionId, LocalDate on) {
        requireAccount(accountId);
        List<Entry> list = entries.get(accountId);
        for (int i = 0; i < list.size(); i++) {
            Entry entry = list.get(i);
            if (entry.removedAt() == LIVE && entry.transaction().transactionId().equals(pendingTransactionId)) {
                if (entry.transaction().isBooked()) {
                    throw new IllegalStateException("Transaction " + pendingTransactionId + " is already booked");
                }
                Transaction booked = entry.transaction().booked(newTransactionId(), on);
                version++;
                list.set(i, new Entry(entry.transaction(), entry.sequence(), entry.addedAt(), version));
                list.add(new Entry(booked, ++sequence, version, LIVE));
                return booked;
            }
        }
        throw new IllegalArgumentException(
                "Account " + accountId + " has no pending transaction " + pendingTransactionId);
    }

    /** Entries of an account as they are now, newest first. */
    public List<Transaction> transactions(String accountId) {
        return visible(accountId, version).stream().map(Entry::transaction).toList();
    }

    public Optional<Transaction> transaction(String accountId, String transactionId) {
        return transactions(accountId).stream()
                .filter(transaction -> transaction.transactionId().equals(transactionId))
                .findFirst();
    }

    /** One page of a listing; pending entries first, then booked ones, both newest first. */
    public TransactionPage page(TransactionQuery query) {
        requireAccount(query.accountId());
        long snapshot = query.snapshot() != null ? Math.min(query.snapshot(), version) : version;
        List<Transaction> matching = new ArrayList<>();
        List<Entry> visible = visible(query.accountId(), snapshot);
        if (query.pending()) {
            visible.stream()
                    .map(Entry::transaction)
                    .filter(transaction -> !transaction.isBooked())
                    .forEach(matching::add);
        }
        if (query.booked()) {
            visible.stream()
                    .map(Entry::transaction)
                    .filter(Transaction::isBooked)
                    .filter(transaction -> !transaction.bookingDate().isBefore(query.dateFrom())
                            && !transaction.bookingDate().isAfter(query.dateTo()))
                    .forEach(matching::add);
        }
        int from = Math.min(query.pageIndex() * query.pageSize(), matching.size());
        int to = Math.min(from + query.pageSize(), matching.size());
        List<Transaction> page = matching.subList(from, to);
        return new TransactionPage(
                page.stream().filter(Transaction::isBooked).toList(),
                page.stream().filter(transaction -> !transaction.isBooked()).toList(),
                snapshot,
                query.pageIndex(),
                to < matching.size());
    }

    public Balances balances(String accountId) {
        Account account = requireAccount(accountId);
        BigDecimal booked = account.openingBalance();
        BigDecimal pending = BigDecimal.ZERO;
        LocalDate last = null;
        for (Transaction transaction : transactions(accountId)) {
            if (transaction.isBooked()) {
                booked = booked.add(transaction.amount());
                if (last == null || transaction.bookingDate().isAfter(last)) {
                    last = transaction.bookingDate();
                }
            } else {
                pending = pending.add(transaction.amount());
            }
        }
        return new Balances(booked, booked.add(pending), last);
    }

    /** Adds a seeded or posted entry. */
    void add(Transaction transaction) {
        version++;
        entries.get(transaction.accountId()).add(new Entry(transaction, ++sequence, version, LIVE));
    }

    String newTransactionId() {
        return new java.util.UUID(
                        (ids.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L,
                        (ids.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L)
                .toString();
    }

    String nextEntryReference(Account account) {
        int next = entrySequence.merge(account.resourceId(), 1, Integer::sum);
        return account.entryPrefix() + String.format(java.util.Locale.ROOT, "%08d", next);
    }

    private List<Entry> visible(String accountId, long snapshot) {
        return entries.getOrDefault(accountId, List.of()).stream()
                .filter(entry -> entry.visibleAt(snapshot))
                .sorted(NEWEST_FIRST)
                .toList();
    }

    private Account requireAccount(String accountId) {
        Account account = accounts.get(accountId);
        if (account == null) {
            throw new IllegalArgumentException("No account " + accountId);
        }
        return account;
    }
}
