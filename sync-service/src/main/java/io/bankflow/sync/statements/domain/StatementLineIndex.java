package io.bankflow.sync.statements.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The dedup rule: which incoming lines are new, which are already known and which book a known pending line.
 *
 * <ol>
 *   <li>A line is identified by the provider's transaction id; a line without one by its normalised {@link DedupKey}.
 *       An identity seen before is a duplicate, however many pages or fetches repeat it, unless it is the booked form
 *       of a line known as pending (a bank that keeps the id when the line books).
 *   <li>Otherwise a line carrying an entry reference already known for the account is the same entry: a booked line
 *       supersedes the known pending one (pending lines book under a new transaction id but keep their entry
 *       reference); anything else (a stale pending line of a booked entry, a bank that changed the id) is a
 *       duplicate.
 *   <li>Everything else is new.
 * </ol>
 *
 * The result does not depend on the order lines arrive in: the {@link #current() current lines} are the same for every
 * order, and accepting a line again changes nothing. Not thread-safe: one index per account and job.
 */
public final class StatementLineIndex {

    /** Identity -> the current line of that transaction. */
    private final Map<String, StatementLine> current = new LinkedHashMap<>();
    /** Every identity ever accepted -> the identity it is known under now (itself, or what superseded it). */
    private final Map<String, String> known = new HashMap<>();
    /** account + entry reference -> identity of the current line of that entry. */
    private final Map<String, String> byEntryReference = new HashMap<>();

    /** An index that knows {@code lines} already (what is stored for the account). */
    public static StatementLineIndex knowing(Iterable<StatementLine> lines) {
        StatementLineIndex index = new StatementLineIndex();
        lines.forEach(index::accept);
        return index;
    }

    /** Decides about {@code line} and remembers it. */
    public DedupOutcome accept(StatementLine line) {
        Objects.requireNonNull(line, "line");
        String identity = line.identity();
        if (known.containsKey(identity)) {
            StatementLine existing = current.get(resolve(identity));
            return bookingOfPending(existing, line)
                    ? supersede(existing, line)
                    : new DedupOutcome.Duplicate(line, existing);
        }
        String entry = entryKey(line);
        String existingIdentity = entry == null ? null : byEntryReference.get(entry);
        if (existingIdentity != null) {
            StatementLine existing = current.get(existingIdentity);
            if (bookingOfPending(existing, line)) {
                return supersede(existing, line);
            }
            known.put(identity, existingIdentity);
            return new DedupOutcome.Duplicate(line, existing);
        }
        current.put(identity, line);
        known.put(identity, identity);
        if (entry != null) {
            byEntryReference.put(entry, identity);
        }
        return new DedupOutcome.New(line);
    }

    /** Decides about each of {@code lines} in order. */
    public List<DedupOutcome> acceptAll(Iterable<StatementLine> lines) {
        List<DedupOutcome> outcomes = new ArrayList<>();
        lines.forEach(line -> outcomes.add(accept(line)));
        return outcomes;
    }

    /** The current line of every transaction known: superseded pending lines excluded. */
    public List<StatementLine> current() {
        return List.copyOf(current.values());
    }

    private static boolean bookingOfPending(@Nullable StatementLine existing, StatementLine incoming) {
        return existing != null && existing.status() == LineStatus.PENDING && incoming.status() == LineStatus.BOOKED;
    }

    private DedupOutcome supersede(StatementLine pending, StatementLine booked) {
        String oldIdentity = pending.identity();
        String newIdentity = booked.identity();
        current.remove(oldIdentity);
        current.put(newIdentity, booked);
        known.put(oldIdentity, newIdentity);
        known.put(newIdentity, newIdentity);
        String entry = entryKey(booked);
        if (entry != null) {
            byEntryReference.put(entry, newIdentity);
        }
        String pendingEntry = entryKey(pending);
        if (pendingEntry != null && !pendingEntry.equals(entry)) {
            byEntryReference.put(pendingEntry, newIdentity);
        }
        return new DedupOutcome.Supersedes(booked, pending);
    }

    /** Follows supersessions to the identity a transaction is known under now. */
    private String resolve(String identity) {
        String at = identity;
        String next = known.get(at);
        while (next != null && !next.equals(at)) {
            at = next;
            next = known.get(at);
        }
        return at;
    }

    private static @Nullable String entryKey(StatementLine line) {
        return line.entryReference() == null ? null : line.accountRef() + '\u001f' + line.entryReference();
    }
}
