package io.bankflow.connection.schedules.application;

import io.bankflow.connection.connections.domain.BankConnection;
import io.bankflow.connection.connections.domain.ConnectionStatus;
import io.bankflow.connection.schedules.application.port.out.ScheduleChanges;
import io.bankflow.connection.schedules.application.port.out.SyncSchedules;
import io.bankflow.connection.schedules.domain.Frequency;
import io.bankflow.connection.schedules.domain.InvalidScheduleException;
import io.bankflow.connection.schedules.domain.Recurrence;
import io.bankflow.connection.schedules.domain.SyncSchedule;
import io.bankflow.connection.schedules.domain.UnattendedAccessQuota;
import io.bankflow.httpapi.ConflictException;
import io.bankflow.httpapi.NotFoundException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates or replaces a connection's schedule. The next slot is the first after now; a paused schedule stays paused;
 * the quota already used today still counts.
 */
@Service
public class SetSchedule {

    private final SyncSchedules schedules;
    private final ScheduleViews views;
    private final ScheduleChanges changes;
    private final Clock clock;

    SetSchedule(SyncSchedules schedules, ScheduleViews views, ScheduleChanges changes, Clock clock) {
        this.schedules = schedules;
        this.views = views;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * What the caller asked for.
     *
     * @param actor the caller's client id, for the audit trail
     */
    public record Command(
            String orgId,
            UUID connectionId,
            String actor,
            Frequency frequency,
            LocalTime time,
            @Nullable DayOfWeek dayOfWeek,
            @Nullable Integer dayOfMonth,
            @Nullable Integer timesPerDay,
            ZoneId zone) {}

    /** @param created whether the connection had no schedule before */
    public record Result(ScheduleView view, boolean created) {}

    /**
     * @throws NotFoundException (404) when the organisation has no such connection
     * @throws ConflictException (409 {@code connection-revoked}) when the connection is disconnected
     * @throws InvalidScheduleException when the schedule cannot be kept (e.g. more syncs a day than the provider's
     *     quota allows)
     */
    @Transactional
    public Result set(Command command) {
        BankConnection connection = views.connection(command.orgId(), command.connectionId());
        if (connection.status() == ConnectionStatus.REVOKED) {
            throw new ConflictException(
                    "connection-revoked",
                    "Connection revoked",
                    "Connection " + connection.id() + " is disconnected; it is never synced again.");
        }
        UnattendedAccessQuota quota = views.quotaOf(connection);
        Recurrence recurrence = Recurrence.of(
                command.frequency(),
                command.time(),
                command.dayOfWeek(),
                command.dayOfMonth(),
                command.timesPerDay(),
                command.zone(),
                quota.maxTimesPerDay(),
                quota.perDay() == null
                        ? ""
                        : connection.provider() + " allows " + quota.perDay() + " unattended reads a day");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        SyncSchedule existing =
                schedules.lock(command.orgId(), command.connectionId()).orElse(null);
        SyncSchedule schedule = existing == null
                ? SyncSchedule.create(command.connectionId(), command.orgId(), recurrence, now)
                : existing.reschedule(recurrence, now);
        schedules.save(schedule);
        changes.changed(schedule, existing == null ? "schedule-created" : "schedule-changed", command.actor(), now);
        return new Result(views.view(connection, schedule, now), existing == null);
    }
}
