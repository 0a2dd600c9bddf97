package io.bankflow.sync.jobs.domain;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The booking dates a job asks the provider for, both inclusive.
 *
 * <p>Asked-for dates win. Without a start, a job continues from the target's cursor, going back {@link #OVERLAP_DAYS}
 * because banks book late and back-date entries (what it fetches twice is deduplicated); a connection never synced
 * goes back {@link #DEFAULT_HISTORY_DAYS}. Without an end it reads up to today.
 *
 * @param from first booking date
 * @param to last booking date
 */
public record SyncWindow(LocalDate from, LocalDate to) {

    public static final int DEFAULT_HISTORY_DAYS = 90;
    public static final int OVERLAP_DAYS = 7;

    public SyncWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("window starts after it ends: " + from + " > " + to);
        }
    }

    public static SyncWindow resolve(
            @Nullable LocalDate requestedFrom,
            @Nullable LocalDate requestedTo,
            @Nullable LocalDate syncedThrough,
            LocalDate today) {
        LocalDate to = requestedTo != null ? requestedTo : today;
        LocalDate from;
        if (requestedFrom != null) {
            from = requestedFrom;
        } else if (syncedThrough != null) {
            from = syncedThrough.minusDays(OVERLAP_DAYS);
        } else {
            from = today.minusDays(DEFAULT_HISTORY_DAYS);
        }
        return new SyncWindow(from.isAfter(to) ? to : from, to);
    }
}
