package io.bankflow.cashflow.balances.application.port.out;

import io.bankflow.cashflow.balances.domain.BookedLine;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The booked lines already counted, by organisation and line id: what makes counting a line idempotent. */
public interface BookedLines {

    /** What {@link #apply} did. */
    enum Outcome {
        /** The line was not counted before; it is now. */
        NEW,
        /** The line was counted before with the same date, amount and series: nothing changed. */
        DUPLICATE,
        /** The line was counted before differently (a bank correction); the stored line now says the new thing. */
        CORRECTED
    }

    /**
     * @param outcome what happened
     * @param previous the line as it was counted before, for {@link Outcome#CORRECTED} (and DUPLICATE)
     */
    record Applied(Outcome outcome, @Nullable BookedLine previous) {}

    /**
     * Records the line unless it was recorded before; atomic against a concurrent apply of the same line (unique key
     * on organisation and line id), and part of the caller's transaction.
     *
     * @param eventId the event that carried it, for tracing
     */
    Applied apply(BookedLine line, UUID eventId);

    /** The counted line with this id, if any. */
    Optional<BookedLine> find(String orgId, UUID lineId);
}
