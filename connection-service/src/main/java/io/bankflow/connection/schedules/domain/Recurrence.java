package io.bankflow.connection.schedules.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * When a schedule's syncs fall: local times in the schedule's time zone.
 *
 * <p>Local times that do not exist (the hour skipped when clocks go forward) run at the same time shifted by the gap
 * (02:30 becomes 03:30); local times that happen twice (clocks go back) run once, at the first of the two. A monthly
 * day beyond the month's end (29, 30, 31) runs on the month's last day. {@link Frequency#TIMES_PER_DAY} spreads its
 * slots evenly over the 24 local hours from {@code time} (4 a day from 01:00: 01:00, 07:00, 13:00, 19:00), so on the
 * two days a year with 23 or 25 hours one interval is an hour shorter or longer.
 *
 * @param frequency how often
 * @param time the local time of day (for {@link Frequency#TIMES_PER_DAY}: of the first slot)
 * @param dayOfWeek the day, for {@link Frequency#WEEKLY} only
 * @param dayOfMonth 1 to 31, for {@link Frequency#MONTHLY} only
 * @param timesPerDay 1 to {@link #MAX_TIMES_PER_DAY}, for {@link Frequency#TIMES_PER_DAY} only
 * @param zone the time zone the local times are in
 */
public record Recurrence(
        Frequency frequency,
        LocalTime time,
        @Nullable DayOfWeek dayOfWeek,
        @Nullable Integer dayOfMonth,
        @Nullable Integer timesPerDay,
        ZoneId zone) {

    /** The most slots a day of any provider: hourly. */
    public static final int MAX_TIMES_PER_DAY = 24;

    private static final int MINUTES_PER_DAY = 24 * 60;
    /** Enough days to meet the next slot of any recurrence (a monthly one is at most 31 days away). */
    private static final int SEARCH_DAYS = 64;

    public Recurrence {
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
        List<InvalidScheduleException.Violation> violations = new ArrayList<>();
        check(violations, frequency, time, dayOfWeek, dayOfMonth, timesPerDay, MAX_TIMES_PER_DAY, "");
        if (!violations.isEmpty()) {
            throw new InvalidScheduleException(violations);
        }
    }

    /**
     * A recurrence from what a user asked for, checking every field at once.
     *
     * @param maxTimesPerDay the most slots a day the connection's provider allows (PSD2: 4)
     * @param quotaReason why that limit, for the message (e.g. "sandbox-bank allows 4 unattended reads a day")
     * @throws InvalidScheduleException naming every field that is wrong
     */
    public static Recurrence of(
            Frequency frequency,
            LocalTime time,
            @Nullable DayOfWeek dayOfWeek,
            @Nullable Integer dayOfMonth,
            @Nullable Integer timesPerDay,
            ZoneId zone,
            int maxTimesPerDay,
            String quotaReason) {
        List<InvalidScheduleException.Violation> violations = new ArrayList<>();
        check(violations, frequency, time, dayOfWeek, dayOfMonth, timesPerDay, maxTimesPerDay, quotaReason);
        if (!violations.isEmpty()) {
            throw new InvalidScheduleException(violations);
        }
        return new Recurrence(frequency, time, dayOfWeek, dayOfMonth, timesPerDay, zone);
    }

    private static void check(
            List<InvalidScheduleException.Violation> violations,
            Frequency frequency,
            LocalTime time,
            @Nullable DayOfWeek dayOfWeek,
            @Nullable Integer dayOfMonth,
            @Nullable Integer timesPerDay,
            int maxTimesPerDay,
            String quotaReason) {
        if (time.getSecond() != 0 || time.getNano() != 0) {
            violations.add(new InvalidScheduleException.Violation("time", "must be whole minutes (HH:mm)"));
        }
        if (frequency == Frequency.WEEKLY && dayOfWeek == null) {
            violations.add(new InvalidScheduleException.Violation("dayOfWeek", "is required for WEEKLY"));
        }
        if (frequency != Frequency.WEEKLY && dayOfWeek != null) {
            violations.add(new InvalidScheduleException.Violation("dayOfWeek", "is only for WEEKLY"));
        }
        if (frequency == Frequency.MONTHLY && dayOfMonth == null) {
            violations.add(new InvalidScheduleException.Violation("dayOfMonth", "is required for MONTHLY"));
        }
        if (frequency != Frequency.MONTHLY && dayOfMonth != null) {
            violations.add(new InvalidScheduleException.Violation("dayOfMonth", "is only for MONTHLY"));
        }
        if (dayOfMonth != null && (dayOfMonth < 1 || dayOfMonth > 31)) {
            violations.add(new InvalidScheduleException.Violation("dayOfMonth", "must be between 1 and 31"));
        }
        if (frequency == Frequency.TIMES_PER_DAY && timesPerDay == null) {
            violations.add(new InvalidScheduleException.Violation("timesPerDay", "is required for TIMES_PER_DAY"));
        }
        if (frequency != Frequency.TIMES_PER_DAY && timesPerDay != null) {
            violations.add(new InvalidScheduleException.Violation("timesPerDay", "is only for TIMES_PER_DAY"));
        }
        int max = Math.min(maxTimesPerDay, MAX_TIMES_PER_DAY);
        if (timesPerDay != null && (timesPerDay < 1 || timesPerDay > max)) {
            violations.add(new InvalidScheduleException.Violation(
                    "timesPerDay",
                    "must be between 1 and " + max + (quotaReason.isEmpty() ? "" : " (" + quotaReason + ")")));
        }
    }

    /** The first slot strictly after {@code after}. */
    public Instant nextAfter(Instant after) {
        LocalDate day = LocalDate.ofInstant(after, zone).minusDays(1);
        for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
            for (Instant slot : slotsOn(day)) {
                if (slot.isAfter(after)) {
                    return slot;
                }
            }
        }
        throw new IllegalStateException("No slot within " + SEARCH_DAYS + " days of " + after + " for " + this);
    }

    /** The first slot at or after {@code notBefore}. */
    public Instant nextAtOrAfter(Instant notBefore) {
        return nextAfter(notBefore.minusNanos(1));
    }

    /** The slots of one local date, in order (none on days a weekly or monthly schedule does not run). */
    public List<Instant> slotsOn(LocalDate date) {
        TreeSet<Instant> slots = new TreeSet<>();
        for (LocalTime local : localTimesOn(date)) {
            // ZonedDateTime.of shifts a time in a gap forward by the gap and takes the earlier offset in an overlap.
            slots.add(ZonedDateTime.of(date, local, zone).toInstant());
        }
        return List.copyOf(slots);
    }

    private List<LocalTime> localTimesOn(LocalDate date) {
        return switch (frequency) {
            case DAILY -> List.of(time);
            case WEEKLY -> date.getDayOfWeek() == dayOfWeek ? List.of(time) : List.of();
            case MONTHLY ->
                date.getDayOfMonth() == Math.min(Objects.requireNonNull(dayOfMonth), date.lengthOfMonth())
                        ? List.of(time)
                        : List.of();
            case TIMES_PER_DAY -> {
                int n = Objects.requireNonNull(timesPerDay);
                List<LocalTime> times = new ArrayList<>(n);
                for (int k = 0; k < n; k++) {
                    times.add(time.plusMinutes((long) k * MINUTES_PER_DAY / n));
                }
                yield times;
            }
        };
    }
}
