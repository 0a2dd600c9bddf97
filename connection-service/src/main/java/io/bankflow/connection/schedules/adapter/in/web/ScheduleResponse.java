package io.bankflow.connection.schedules.adapter.in.web;

import io.bankflow.connection.schedules.application.ScheduleView;
import io.bankflow.connection.schedules.domain.Recurrence;
import io.bankflow.connection.schedules.domain.SyncSchedule;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A connection's sync schedule with its next sync and today's quota. */
record ScheduleResponse(
        UUID connectionId,
        String frequency,
        String time,
        @Nullable String dayOfWeek,
        @Nullable Integer dayOfMonth,
        @Nullable Integer timesPerDay,
        String timeZone,
        boolean paused,

        @Schema(
                description = "When the next scheduled sync will be requested: null while paused or while the"
                        + " connection is not usable; after the quota's reset when today's quota is used up.")
        @Nullable
        Instant nextSyncAt,

        @Schema(description = "When a scheduled sync was last requested.") @Nullable
        Instant lastSyncAt,

        Quota quota,
        Instant updatedAt) {

    /**
     * The provider's unattended-access quota for this connection today.
     *
     * @param limit reads a day without the user (PSD2: 4); null when the provider has no limit
     * @param usedToday reads used by scheduled syncs on the provider's current day
     * @param resetsAt when the provider's day ends and the count starts again
     */
    record Quota(@Nullable Integer limit, int usedToday, Instant resetsAt) {}

    static ScheduleResponse of(ScheduleView view) {
        SyncSchedule schedule = view.schedule();
        Recurrence recurrence = schedule.recurrence();
        return new ScheduleResponse(
                schedule.connectionId(),
                recurrence.frequency().name(),
                recurrence.time().toString(),
                recurrence.dayOfWeek() == null ? null : recurrence.dayOfWeek().name(),
                recurrence.dayOfMonth(),
                recurrence.timesPerDay(),
                recurrence.zone().getId(),
                schedule.paused(),
                view.nextSyncAt(),
                schedule.lastRunAt(),
                new Quota(view.quota().perDay(), view.usedToday(), view.resetsAt()),
                schedule.updatedAt());
    }
}
