package io.bankflow.connection.schedules.adapter.in.scheduling;

import io.bankflow.connection.schedules.application.RunDueSchedules;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs a round of due schedules ({@link RunDueSchedules}) every {@code bankflow.schedules.scheduler.interval}, after the
 * previous round ended. Every instance may run rounds; row locks keep them from requesting a slot twice. Off with
 * {@code bankflow.schedules.scheduler.enabled=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "bankflow.schedules.scheduler.enabled", matchIfMissing = true)
class ScheduleTimer {

    private final RunDueSchedules runDueSchedules;
    private final Clock clock;

    ScheduleTimer(RunDueSchedules runDueSchedules, Clock clock) {
        this.runDueSchedules = runDueSchedules;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${bankflow.schedules.scheduler.interval}",
            fixedDelayString = "${bankflow.schedules.scheduler.interval}")
    void runDue() {
        runDueSchedules.runDue(clock.instant());
    }
}
