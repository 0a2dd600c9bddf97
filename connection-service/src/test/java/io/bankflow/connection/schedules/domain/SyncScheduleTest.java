package io.bankflow.connection.schedules.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SyncScheduleTest {

    static final UnattendedAccessQuota PSD2 = new UnattendedAccessQuota(4, ZoneOffset.UTC);
    static final Recurrence FOUR_A_DAY =
            new Recurrence(Frequency.TIMES_PER_DAY, LocalTime.of(1, 0), null, null, 4, ZoneOffset.UTC);

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    static SyncSchedule fourADay(Instant now) {
        return SyncSchedule.create(UUID.randomUUID(), "acme", FOUR_A_DAY, now);
    }

    @Test
    void startsWithTheFirstSlotAfterItsCreation() {
        SyncSchedule schedule = fourADay(at("2026-01-15T08:00:00Z"));

        assertThat(schedule.nextRunAt()).isEqualTo(at("2026-01-15T13:00:00Z"));
        assertThat(schedule.paused()).isFalse();
        assertThat(schedule.lastRunAt()).isNull();
        assertThat(schedule.isDue(at("2026-01-15T12:59:59Z"))).isFalse();
        assertThat(schedule.isDue(at("2026-01-15T13:00:00Z"))).isTrue();
    }

    @Test
    void movesToTheNextSlotOnceItRanCatchingUpMissedSlotsWithOneSync() {
        SyncSchedule schedule = fourADay(at("2026-01-15T08:00:00Z"));

        // Nothing ran between 13:00 and 20:00 (every instance down): one sync, then the next slot after now.
        SyncSchedule ran = schedule.ran(at("2026-01-15T20:00:00Z"));

        assertThat(ran.lastRunAt()).isEqualTo(at("2026-01-15T20:00:00Z"));
        assertThat(ran.nextRunAt()).isEqualTo(at("2026-01-16T01:00:00Z"));
        assertThat(ran.isDue(at("2026-01-15T20:00:00Z"))).isFalse();
    }

    @Test
    void runsNothingWhilePausedAndResumesFromTheNextSlotWithoutCatchingUp() {
        SyncSchedule paused = fourADay(at("2026-01-15T08:00:00Z")).pause(at("2026-01-15T09:00:00Z"));

        assertThat(paused.isDue(at("2026-01-16T12:00:00Z"))).isFalse();
        assertThat(paused.pause(at("2026-01-15T10:00:00Z"))).as("idempotent").isSameAs(paused);

        SyncSchedule resumed = paused.resume(at("2026-01-17T08:00:00Z"));

        assertThat(resumed.paused()).isFalse();
        assertThat(resumed.nextRunAt()).isEqualTo(at("2026-01-17T13:00:00Z"));
        assertThat(resumed.resume(at("2026-01-17T09:00:00Z"))).as("idempotent").isSameAs(resumed);
    }

    @Test
    void keepsAPausedScheduleAndItsHistoryWhenItsTimesChange() {
        SyncSchedule schedule = fourADay(at("2026-01-15T08:00:00Z"))
                .ran(at("2026-01-15T13:00:00Z"))
                .pause(at("2026-01-15T14:00:00Z"));
        Recurrence daily = new Recurrence(Frequency.DAILY, LocalTime.of(6, 0), null, null, null, ZoneOffset.UTC);

        SyncSchedule changed = schedule.reschedule(daily, at("2026-01-15T15:00:00Z"));

        assertThat(changed.paused()).isTrue();
        assertThat(changed.lastRunAt()).isEqualTo(at("2026-01-15T13:00:00Z"));
        assertThat(changed.nextRunAt()).isEqualTo(at("2026-01-16T06:00:00Z"));
        assertThat(changed.recurrence()).isEqualTo(daily);
    }

    @Test
    void skipsToTheFirstSlotAfterTheQuotaResetWhenTodaysQuotaIsUsedUp() {
        SyncSchedule schedule = fourADay(at("2026-01-15T08:00:00Z"));

        SyncSchedule skipped = schedule.skipTo(PSD2.resetsAt(at("2026-01-15T13:00:00Z")), at("2026-01-15T13:00:00Z"));

        assertThat(skipped.nextRunAt()).isEqualTo(at("2026-01-16T01:00:00Z"));
        assertThat(skipped.lastRunAt()).isNull();
    }

    @Test
    void saysWhenTheNextSyncIsPossible() {
        Instant now = at("2026-01-15T08:00:00Z");
        SyncSchedule schedule = fourADay(now);

        assertThat(schedule.nextSyncAt(PSD2, 1, true, now)).isEqualTo(at("2026-01-15T13:00:00Z"));
        assertThat(schedule.nextSyncAt(PSD2, 4, true, now))
                .as("today's quota is used up: the first slot of tomorrow")
                .isEqualTo(at("2026-01-16T01:00:00Z"));
        assertThat(schedule.nextSyncAt(PSD2, 0, false, now))
                .as("connection not usable")
                .isNull();
        assertThat(schedule.pause(now).nextSyncAt(PSD2, 0, true, now))
                .as("paused")
                .isNull();
        assertThat(schedule.skip(at("2026-01-15T13:00:00Z")).nextRunAt()).isEqualTo(at("2026-01-15T19:00:00Z"));
    }
}
