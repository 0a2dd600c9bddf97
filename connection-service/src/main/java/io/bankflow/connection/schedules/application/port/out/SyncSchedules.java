package io.bankflow.connection.schedules.application.port.out;

import io.bankflow.connection.schedules.domain.SyncSchedule;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/** The connections' sync schedules. */
public interface SyncSchedules {

    /** The schedule of a connection of the organisation. */
    Optional<SyncSchedule> find(String orgId, UUID connectionId);

    /** The same, locked until the caller's transaction ends (a change and the timer take turns). */
    Optional<SyncSchedule> lock(String orgId, UUID connectionId);

    /**
     * One schedule of any organisation whose slot is due at {@code now} and not paused, locked until the caller's
     * transaction ends; schedules other transactions hold are skipped, so instances running at once each take others.
     *
     * @param passOver connections not to take (those that failed earlier in the same round)
     */
    Optional<SyncSchedule> lockNextDue(Instant now, Collection<UUID> passOver);

    /** Stores a new schedule or replaces the connection's schedule, in the caller's transaction. */
    void save(SyncSchedule schedule);
}
