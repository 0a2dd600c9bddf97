package io.bankflow.connection.schedules.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static final ZoneId UTC = ZoneOffset.UTC;

    static Recurrence daily(String time, ZoneId zone) {
        return new Recurrence(Frequency.DAILY, LocalTime.parse(time), null, null, null, zone);
    }

    static Recurrence monthly(int day, String time, ZoneId zone) {
        return new Recurrence(Frequency.MONTHLY, LocalTime.parse(time), null, day, null, zone);
    }

    static Recurrence timesPerDay(int n, String from, ZoneId zone) {
        return new Recurrence(Frequency.TIMES_PER_DAY, LocalTime.parse(from), null, null, n, zone);
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void runsADailyScheduleLaterTodayOrElseTomorrowAtTheLocalTime() {
        Recurrence recurrence = daily("06:30", OSLO);

        assertThat(recurrence.nextAfter(at("2026-01-15T04:00:00Z"))).isEqualTo(at("2026-01-15T05:30:00Z"));
        assertThat(recurrence.nextAfter(at("2026-01-15T06:00:00Z"))).isEqualTo(at("2026-01-16T05:30:00Z"));
        assertThat(recurrence.nextAfter(at("2026-07-15T06:00:00Z")))
                .as("summer time: 06:30 in Oslo is 04:30 UTC")
                .isEqualTo(at("2026-07-16T04:30:00Z"));
    }

    @Test
    void neverAnswersTheSlotItIsAskedAfter() {
        Recurrence recurrence = daily("06:30", UTC);

        assertThat(recurrence.nextAfter(at("2026-01-15T06:30:00Z"))).isEqualTo(at("2026-01-16T06:30:00Z"));
        assertThat(recurrence.nextAtOrAfter(at("2026-01-15T06:30:00Z"))).isEqualTo(at("2026-01-15T06:30:00Z"));
    }

    @Test
    void shiftsATimeInTheSpringForwardGapByTheGap() {
        // Oslo, 2026-03-29: clocks go from 02:00 to 03:00, so 02:30 does not exist that day.
        Recurrence recurrence = daily("02:30", OSLO);

        assertThat(recurrence.nextAfter(at("2026-03-28T12:00:00Z")))
                .as("03:30 CEST")
                .isEqualTo(at("2026-03-29T01:30:00Z"));
        assertThat(recurrence.nextAfter(at("2026-03-29T01:30:00Z")))
                .as("the next day 02:30 CEST again")
                .isEqualTo(at("2026-03-30T00:30:00Z"));
    }

    @Test
    void runsATimeThatHappensTwiceWhenClocksGoBackOnlyAtItsFirstOccurrence() {
        // Oslo, 2026-10-25: clocks go from 03:00 back to 02:00, so 02:30 happens at 00:30 and at 01:30 UTC.
        Recurrence recurrence = daily("02:30", OSLO);

        Instant first = recurrence.nextAfter(at("2026-10-24T12:00:00Z"));

        assertThat(first).isEqualTo(at("2026-10-25T00:30:00Z"));
        assertThat(recurrence.nextAfter(first))
                .as("not again an hour later, but the next day (CET)")
                .isEqualTo(at("2026-10-26T01:30:00Z"));
    }

    @Test
    void runsAMonthlyDayBeyondTheMonthsEndOnItsLastDay() {
        Recurrence recurrence = monthly(31, "23:00", UTC);

        assertThat(recurrence.nextAfter(at("2026-01-31T23:00:00Z"))).isEqualTo(at("2026-02-28T23:00:00Z"));
        assertThat(recurrence.nextAfter(at("2026-02-28T23:00:00Z"))).isEqualTo(at("2026-03-31T23:00:00Z"));
        assertThat(recurrence.nextAfter(at("2026-03-31T23:00:00Z"))).isEqualTo(at("2026-04-30T23:00:00Z"));
        assertThat(recurrence.nextAfter(at("2028-02-01T00:00:00Z")))
                .as("leap year")
                .isEqualTo(at("2028-02-29T23:00:00Z"));
        assertThat(monthly(30, "08:00", UTC).nextAfter(at("2027-02-01T00:00:00Z")))
                .isEqualTo(at("2027-02-28T08:00:00Z"));
    }

    @Test
    void runsAMonthlyScheduleOnItsDayInTheSchedulesZone() {
        // 1 January 00:30 in Oslo is still 31 December in UTC.
        Recurrence recurrence = monthly(1, "00:30", OSLO);

        assertThat(recurrence.nextAfter(at("2026-12-15T00:00:00Z"))).isEqualTo(at("2026-12-31T23:30:00Z"));
    }

    @Test
    void runsAWeeklyScheduleOnItsDay() {
        Recurrence recurrence = new Recurrence(Frequency.WEEKLY, LocalTime.of(7, 0), DayOfWeek.MONDAY, null, null, UTC);

        // 2026-01-15 is a Thursday.
        assertThat(recurrence.nextAfter(at("2026-01-15T10:00:00Z"))).isEqualTo(at("2026-01-19T07:00:00Z"));
        assertThat(recurrence.nextAfter(at("2026-01-19T07:00:00Z"))).isEqualTo(at("2026-01-26T07:00:00Z"));
    }

    @Test
    void spreadsNTimesADayEvenlyFromTheAnchor() {
        assertThat(timesPerDay(4, "01:00", UTC).slotsOn(LocalDate.of(2026, 1, 15)))
                .containsExactly(
                        at("2026-01-15T01:00:00Z"),
                        at("2026-01-15T07:00:00Z"),
                        at("2026-01-15T13:00:00Z"),
                        at("2026-01-15T19:00:00Z"));
        assertThat(timesPerDay(3, "00:00", UTC).slotsOn(LocalDate.of(2026, 1, 15)))
                .containsExactly(at("2026-01-15T00:00:00Z"), at("2026-01-15T08:00:00Z"), at("2026-01-15T16:00:00Z"));
        assertThat(timesPerDay(2, "18:00", UTC).slotsOn(LocalDate.of(2026, 1, 15)))
                .as("slots wrap around midnight and are answered in order")
                .containsExactly(at("2026-01-15T06:00:00Z"), at("2026-01-15T18:00:00Z"));
    }

    @Test
    void keepsTheLocalSlotTimesOnTheDayClocksGoForward() {
        List<Instant> slots = timesPerDay(4, "00:00", OSLO).slotsOn(LocalDate.of(2026, 3, 29));

        assertThat(slots)
                .as("00:00 CET, then 06:00, 12:00, 18:00 CEST: the first interval is 5 hours")
                .containsExactly(
                        at("2026-03-28T23:00:00Z"),
                        at("2026-03-29T04:00:00Z"),
                        at("2026-03-29T10:00:00Z"),
                        at("2026-03-29T16:00:00Z"));
        assertThat(timesPerDay(24, "00:00", OSLO).slotsOn(LocalDate.of(2026, 3, 29)))
                .as("02:00 shifts onto 03:00: one sync, not two")
                .hasSize(23);
        assertThat(timesPerDay(24, "00:00", OSLO).slotsOn(LocalDate.of(2026, 10, 25)))
                .as("the repeated hour runs once")
                .hasSize(24);
    }

    @Test
    void refusesMoreTimesADayThanTheProvidersQuotaNamingTheField() {
        assertThatThrownBy(() -> Recurrence.of(
                        Frequency.TIMES_PER_DAY,
                        LocalTime.MIDNIGHT,
                        null,
                        null,
                        5,
                        UTC,
                        4,
                        "sandbox-bank allows 4 unattended reads a day"))
                .isInstanceOfSatisfying(
                        InvalidScheduleException.class,
                        e -> assertThat(e.violations())
                                .containsExactly(new InvalidScheduleException.Violation(
                                        "timesPerDay",
                                        "must be between 1 and 4 (sandbox-bank allows 4 unattended reads a day)")));
        assertThat(Recurrence.of(Frequency.TIMES_PER_DAY, LocalTime.MIDNIGHT, null, null, 24, UTC, 24, "")
                        .timesPerDay())
                .isEqualTo(24);
    }

    @Test
    void namesEveryFieldThatDoesNotFitTheFrequency() {
        assertThatThrownBy(() -> Recurrence.of(Frequency.WEEKLY, LocalTime.NOON, null, 32, 2, UTC, 4, ""))
                .isInstanceOfSatisfying(
                        InvalidScheduleException.class,
                        e -> assertThat(e.violations())
                                .extracting(InvalidScheduleException.Violation::field)
                                .containsExactlyInAnyOrder("dayOfWeek", "dayOfMonth", "dayOfMonth", "timesPerDay"));
        assertThatThrownBy(() -> Recurrence.of(Frequency.MONTHLY, LocalTime.NOON, null, null, null, UTC, 4, ""))
                .isInstanceOfSatisfying(
                        InvalidScheduleException.class,
                        e -> assertThat(e.violations())
                                .extracting(InvalidScheduleException.Violation::field)
                                .containsExactly("dayOfMonth"));
        assertThatThrownBy(() -> Recurrence.of(Frequency.DAILY, LocalTime.of(6, 30, 15), null, null, null, UTC, 4, ""))
                .isInstanceOfSatisfying(
                        InvalidScheduleException.class,
                        e -> assertThat(e.violations())
                                .extracting(InvalidScheduleException.Violation::field)
                                .containsExactly("time"));
    }
}
