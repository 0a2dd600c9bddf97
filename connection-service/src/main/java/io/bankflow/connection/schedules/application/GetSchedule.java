package io.bankflow.connection.schedules.application;

import io.bankflow.connection.connections.domain.BankConnection;
import io.bankflow.connection.schedules.application.port.out.SyncSchedules;
import io.bankflow.httpapi.NotFoundException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A connection's schedule with its next sync and today's quota. */
@Service
public class GetSchedule {

    private final SyncSchedules schedules;
    private final ScheduleViews views;
    private final Clock clock;

    GetSchedule(SyncSchedules schedules, ScheduleViews views, Clock clock) {
        this.schedules = schedules;
        this.views = views;
        this.clock = clock;
    }

    /** @throws NotFoundException (404) when the organisation has no such connection, or it has no schedule */
    @Transactional(readOnly = true)
    public ScheduleView get(String orgId, UUID connectionId) {
        BankConnection connection = views.connection(orgId, connectionId);
        return schedules
                .find(orgId, connectionId)
                .map(schedule -> views.view(connection, schedule, clock.instant()))
                .orElseThrow(() -> ScheduleViews.noSchedule(connectionId));
    }
}
