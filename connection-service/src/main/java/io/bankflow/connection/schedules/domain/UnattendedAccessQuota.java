package io.bankflow.connection.schedules.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How many reads without the user present a provider allows per account and day (PSD2: 4), and when its day turns.
 * Each scheduled sync uses one.
 *
 * @param perDay the limit, or null when the provider has none
 * @param zone the time zone of the provider's day
 */
public record UnattendedAccessQuota(@Nullable Integer perDay, ZoneId zone) {

    public UnattendedAccessQuota {
        Objects.requireNonNull(zone, "zone");
        if (perDay != null && perDay < 1) {
            throw new IllegalArgumentException("perDay must be at least 1");
        }
    }

    /** A provider without a limit. */
    public static UnattendedAccessQuota unlimited(ZoneId zone) {
        return new UnattendedAccessQuota(null, zone);
    }

    /** The provider's day a moment falls on: usage is counted per connection and this day. */
    public LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    /** When the day of {@code at} ends and the count starts again. */
    public Instant resetsAt(Instant at) {
        return day(at).plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Whether another read fits after {@code used} reads that day. */
    public boolean allowsAnother(int used) {
        return perDay == null || used < perDay;
    }

    /** The most slots a day a schedule may have with this provider. */
    public int maxTimesPerDay() {
        return perDay == null ? Recurrence.MAX_TIMES_PER_DAY : Math.min(perDay, Recurrence.MAX_TIMES_PER_DAY);
    }
}
