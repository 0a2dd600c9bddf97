package io.bankflow.connection.schedules.application.port.out;

import java.time.LocalDate;
import java.util.UUID;

/** How many unattended reads each connection has used per provider day (persisted: a restart does not reset it). */
public interface QuotaUsages {

    /** The reads a connection used on a day (0 when none). */
    int used(UUID connectionId, LocalDate day);

    /** Counts one more read, in the caller's transaction. */
    void use(String orgId, UUID connectionId, LocalDate day);
}
