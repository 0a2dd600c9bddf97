package io.bankflow.connection.schedules.application;

import io.bankflow.connection.connections.application.port.out.Connections;
import io.bankflow.connection.connections.domain.BankConnection;
import io.bankflow.connection.schedules.SchedulesProperties;
import io.bankflow.connection.schedules.application.port.out.QuotaUsages;
import io.bankflow.connection.schedules.domain.SyncSchedule;
import io.bankflow.connection.schedules.domain.UnattendedAccessQuota;
import io.bankflow.httpapi.NotFoundException;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What the schedule use cases share: the connection check and the view with the quota. */
@Component
class ScheduleViews {

    private final Connections connections;
    private final QuotaUsages usages;
    private final SchedulesProperties properties;

    ScheduleViews(Connections connections, QuotaUsages usages, SchedulesProperties properties) {
        this.connections = connections;
        this.usages = usages;
        this.properties = properties;
    }

    /** @throws NotFoundException (404) when the organisation has no such connection */
    BankConnection connection(String orgId, UUID connectionId) {
        return connections
                .find(orgId, connectionId)
                .orElseThrow(() -> NotFoundException.of("Connection", connectionId));
    }

    UnattendedAccessQuota quotaOf(BankConnection connection) {
        return properties.quotaFor(connection.provider());
    }

    ScheduleView view(BankConnection connection, SyncSchedule schedule, Instant now) {
        UnattendedAccessQuota quota = quotaOf(connection);
        int used = usages.used(connection.id(), quota.day(now));
        return new ScheduleView(
                schedule,
                quota,
                used,
                quota.resetsAt(now),
                schedule.nextSyncAt(quota, used, connection.status().isUsable(), now));
    }

    static NotFoundException noSchedule(UUID connectionId) {
        return new NotFoundException("Connection " + connectionId + " has no sync schedule; PUT one to create it.");
    }
}
