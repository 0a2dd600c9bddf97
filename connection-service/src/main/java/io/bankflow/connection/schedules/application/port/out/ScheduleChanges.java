package io.bankflow.connection.schedules.application.port.out;

import io.bankflow.connection.schedules.domain.SyncSchedule;
import java.time.Instant;

/** Where schedule changes are recorded with who made them (the audit trail). */
public interface ScheduleChanges {

    /**
     * Records a change, in the caller's transaction.
     *
     * @param schedule the schedule after the change
     * @param action what happened: {@code schedule-created}, {@code schedule-changed}, {@code schedule-paused},
     *     {@code schedule-resumed}
     * @param actor the caller's client id
     * @param at when
     */
    void changed(SyncSchedule schedule, String action, String actor, Instant at);
}
