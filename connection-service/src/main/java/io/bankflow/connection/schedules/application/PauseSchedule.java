package io.bankflow.connection.schedules.application;

import io.bankflow.connection.connections.domain.BankConnection;
import io.bankflow.connection.schedules.application.port.out.ScheduleChanges;
import io.bankflow.connection.schedules.application.port.out.SyncSchedules;
import io.bankflow.connection.schedules.domain.SyncSchedule;
import io.bankflow.httpapi.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pauses a schedule: no scheduled syncs until it is resumed. Manual syncs (sync-service's {@code POST
 * /api/banking/sync-jobs}) still run. Idempotent.
 */
@Service
public class PauseSchedule {

    private final SyncSchedules schedules;
    private final ScheduleViews views;
    private final ScheduleChanges changes;
    private final Clock clock;

    PauseSchedule(SyncSchedules schedules, ScheduleViews views, ScheduleChanges changes, Clock clock) {
        this.schedules = schedules;
        this.views = views;
        this.changes = changes;
        this.clock = clock;
    }

    /** @throws NotFoundException (404) when the organisation has no such connection, or it has no schedule */
    @Transactional
    public ScheduleView pause(String orgId, UUID connectionId, String actor) {
        BankConnection connection = views.connection(orgId, connectionId);
        SyncSchedule schedule =
                schedules.lock(orgId, connectionId).orElseThrow(() -> ScheduleViews.noSchedule(connectionId));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!schedule.paused()) {
            schedule = schedule.pause(now);
            schedules.save(schedule);
            changes.changed(schedule, "schedule-paused", actor, now);
        }
        return views.view(connection, schedule, now);
    }
}
