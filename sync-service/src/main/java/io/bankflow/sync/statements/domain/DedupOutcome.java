package io.bankflow.sync.statements.domain;

/** What {@link StatementLineIndex#accept} decided about an incoming line. */
public sealed interface DedupOutcome {

    /** The incoming line. */
    StatementLine line();

    /** Whether the line is to be stored and published (new, or replacing a pending line). */
    default boolean isNew() {
        return !(this instanceof Duplicate);
    }

    /** Not seen before: store and publish it. */
    record New(StatementLine line) implements DedupOutcome {}

    /** Already known as {@code known} (by transaction id, normalised key or entry reference): skip it. */
    record Duplicate(StatementLine line, StatementLine known) implements DedupOutcome {}

    /**
     * The booked form of the pending line {@code pending} (same transaction id, or a new id with the same entry
     * reference): store and publish it as replacing the pending one.
     */
    record Supersedes(StatementLine line, StatementLine pending) implements DedupOutcome {}
}
