package io.bankflow.connection.schedules.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Rules every recurrence keeps, in zones with and without summer time, at any moment of several years. */
class RecurrencePropertiesTest {

    @Property(tries = 2000)
    void theNextSlotIsLaterAndNoSlotIsSkippedOnTheWay(
            @ForAll("recurrences") Recurrence recurrence, @ForAll("instants") Instant after) {
        Instant next = recurrence.nextAfter(after);

        assertThat(next).isAfter(after);
        assertThat(Duration.between(after, next)).isLessThanOrEqualTo(Duration.ofDays(32));
        // Asking just before the answer gives the answer again: nothing lies between.
        assertThat(recurrence.nextAtOrAfter(next)).isEqualTo(next);
        assertThat(recurrence.nextAfter(after.plusNanos(1))).isIn(next, recurrence.nextAfter(next));
        assertThat(recurrence.slotsOn(next.atZone(recurrence.zone()).toLocalDate()))
                .as("the answer is one of its day's slots")
                .contains(next);
    }

    @Property(tries = 1000)
    void aTimesPerDayScheduleHasAtMostItsNumberOfSlotsOnAnyDay(
            @ForAll("zones") ZoneId zone,
            @ForAll("instants") Instant day,
            @ForAll("times") LocalTime from,
            @ForAll("counts") int n) {
        Recurrence recurrence = new Recurrence(Frequency.TIMES_PER_DAY, from, null, null, n, zone);

        assertThat(recurrence.slotsOn(day.atZone(zone).toLocalDate())).hasSizeBetween(Math.max(1, n - 1), n);
    }

    @Provide
    Arbitrary<Recurrence> recurrences() {
        Arbitrary<Recurrence> daily = Combinators.combine(times(), zones())
                .as((time, zone) -> new Recurrence(Frequency.DAILY, time, null, null, null, zone));
        Arbitrary<Recurrence> weekly = Combinators.combine(times(), zones(), Arbitraries.of(DayOfWeek.class))
                .as((time, zone, day) -> new Recurrence(Frequency.WEEKLY, time, day, null, null, zone));
        Arbitrary<Recurrence> monthly = Combinators.combine(
                        times(), zones(), Arbitraries.integers().between(1, 31))
                .as((time, zone, day) -> new Recurrence(Frequency.MONTHLY, time, null, day, null, zone));
        Arbitrary<Recurrence> nTimes = Combinators.combine(times(), zones(), counts())
                .as((time, zone, n) -> new Recurrence(Frequency.TIMES_PER_DAY, time, null, null, n, zone));
        return Arbitraries.oneOf(daily, weekly, monthly, nTimes);
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("UTC", "Europe/Oslo", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata")
                .map(ZoneId::of);
    }

    @Provide
    Arbitrary<LocalTime> times() {
        return Arbitraries.integers().between(0, 24 * 60 - 1).map(minute -> LocalTime.of(minute / 60, minute % 60));
    }

    @Provide
    Arbitrary<Integer> counts() {
        return Arbitraries.integers().between(1, Recurrence.MAX_TIMES_PER_DAY);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs()
                .between(
                        Instant.parse("2024-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("2030-12-31T00:00:00Z").getEpochSecond())
                .map(Instant::ofEpochSecond);
    }
}
