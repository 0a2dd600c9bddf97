package io.bankflow.connection.schedules.application;

import io.bankflow.connection.schedules.domain.SyncSchedule;
import io.bankflow.connection.schedules.domain.UnattendedAccessQuota;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A schedule as the API shows it: with when the next sync is possible and the quota's state today.
 *
 * @param schedule the schedule
 * @param quota the provider's quota
 * @param usedToday reads used on today's quota day
 * @param resetsAt when today's quota day ends
 * @param nextSyncAt when the next scheduled sync will be requested; null while paused or the connection is not active
 */
public record ScheduleView(
        SyncSchedule schedule,
        UnattendedAccessQuota quota,
        int usedToday,
        Instant resetsAt,
        @Nullable Instant nextSyncAt) {}
