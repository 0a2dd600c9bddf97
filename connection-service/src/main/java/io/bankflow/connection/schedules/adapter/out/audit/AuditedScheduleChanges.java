package io.bankflow.connection.schedules.adapter.out.audit;

import io.bankflow.connection.audit.application.RecordAuditEntry;
import io.bankflow.connection.audit.domain.AuditEntry;
import io.bankflow.connection.schedules.application.port.out.ScheduleChanges;
import io.bankflow.connection.schedules.domain.Recurrence;
import io.bankflow.connection.schedules.domain.SyncSchedule;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** {@link ScheduleChanges} as entries of the audit trail, in the change's transaction. */
@Component
class AuditedScheduleChanges implements ScheduleChanges {

    private final RecordAuditEntry audit;

    AuditedScheduleChanges(RecordAuditEntry audit) {
        this.audit = audit;
    }

    @Override
    public void changed(SyncSchedule schedule, String action, String actor, Instant at) {
        audit.record(AuditEntry.of(schedule.orgId(), schedule.connectionId(), action, actor, describe(schedule), at));
    }

    /** E.g. "WEEKLY on MONDAY at 06:30 Europe/Oslo, paused". */
    static String describe(SyncSchedule schedule) {
        Recurrence r = schedule.recurrence();
        String when = switch (r.frequency()) {
            case DAILY -> "DAILY at " + r.time();
            case WEEKLY -> "WEEKLY on " + r.dayOfWeek() + " at " + r.time();
            case MONTHLY -> "MONTHLY on day " + r.dayOfMonth() + " at " + r.time();
            case TIMES_PER_DAY -> r.timesPerDay() + " TIMES_PER_DAY from " + r.time();
        };
        return when + " " + r.zone().getId() + (schedule.paused() ? ", paused" : ", running");
    }
}
