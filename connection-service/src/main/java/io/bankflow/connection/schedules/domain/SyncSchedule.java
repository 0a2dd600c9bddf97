package io.bankflow.connection.schedules.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A connection's sync schedule: when its syncs fall, whether it is paused, and the next slot to run (persisted, so a
 * restart neither repeats nor forgets a slot).
 *
 * <p>Slots missed while nothing ran (every instance down) are caught up by one sync, not one per slot: the next sync
 * continues from sync-service's cursor anyway and each one costs quota. A paused schedule runs nothing; resuming
 * starts from the next slot after the resume (nothing missed during the pause is caught up).
 *
 * @param connectionId the connection (one schedule each)
 * @param orgId the connection's organisation
 * @param recurrence when its syncs fall
 * @param paused whether it is paused
 * @param nextRunAt the next slot to run
 * @param lastRunAt when a scheduled sync was last requested
 * @param updatedAt when it was last changed
 */
public record SyncSchedule(
        UUID connectionId,
        String orgId,
        Recurrence recurrence,
        boolean paused,
        Instant nextRunAt,
        @Nullable Instant lastRunAt,
        Instant updatedAt) {

    public SyncSchedule {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(recurrence, "recurrence");
        Objects.requireNonNull(nextRunAt, "nextRunAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new, running schedule; its first slot is the first after {@code now}. */
    public static SyncSchedule create(UUID connectionId, String orgId, Recurrence recurrence, Instant now) {
        return new SyncSchedule(connectionId, orgId, recurrence, false, recurrence.nextAfter(now), null, now);
    }

    /** The same schedule with other times (paused stays paused); the next slot is the first after {@code now}. */
    public SyncSchedule reschedule(Recurrence newRecurrence, Instant now) {
        return new SyncSchedule(
                connectionId, orgId, newRecurrence, paused, newRecurrence.nextAfter(now), lastRunAt, now);
    }

    /** Stops scheduled syncs (manual ones still run). Idempotent. */
    public SyncSchedule pause(Instant now) {
        return paused ? this : new SyncSchedule(connectionId, orgId, recurrence, true, nextRunAt, lastRunAt, now);
    }

    /** Runs again from the first slot after {@code now}. Idempotent. */
    public SyncSchedule resume(Instant now) {
        return paused
                ? new SyncSchedule(connectionId, orgId, recurrence, false, recurrence.nextAfter(now), lastRunAt, now)
                : this;
    }

    /** Whether a slot is due at {@code now}. */
    public boolean isDue(Instant now) {
        return !paused && !nextRunAt.isAfter(now);
    }

    /** A sync was requested at {@code now} for the due slot (and any missed before it); on to the next slot. */
    public SyncSchedule ran(Instant now) {
        return new SyncSchedule(connectionId, orgId, recurrence, paused, recurrence.nextAfter(now), now, now);
    }

    /** The due slot is skipped (the connection cannot be synced); on to the first slot after {@code now}. */
    public SyncSchedule skip(Instant now) {
        return new SyncSchedule(connectionId, orgId, recurrence, paused, recurrence.nextAfter(now), lastRunAt, now);
    }

    /** The due slot is skipped (quota used up, connection not active); on to the first slot at or after {@code notBefore}. */
    public SyncSchedule skipTo(Instant notBefore, Instant now) {
        return new SyncSchedule(
                connectionId, orgId, recurrence, paused, recurrence.nextAtOrAfter(notBefore), lastRunAt, now);
    }

    /**
     * When the next scheduled sync will be requested, as far as is known now: null while paused or while the
     * connection cannot be synced; after the quota's reset when today's quota is used up.
     *
     * @param quota the provider's quota
     * @param usedToday the reads used on the quota day of {@code now}
     * @param connectionActive whether the connection can be synced
     */
    public @Nullable Instant nextSyncAt(
            UnattendedAccessQuota quota, int usedToday, boolean connectionActive, Instant now) {
        if (paused || !connectionActive) {
            return null;
        }
        Instant resetsAt = quota.resetsAt(now);
        if (!quota.allowsAnother(usedToday) && nextRunAt.isBefore(resetsAt)) {
            return recurrence.nextAtOrAfter(resetsAt);
        }
        return nextRunAt;
    }
}
