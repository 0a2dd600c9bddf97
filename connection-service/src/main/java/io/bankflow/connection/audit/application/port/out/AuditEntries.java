package io.bankflow.connection.audit.application.port.out;

import io.bankflow.connection.audit.domain.AuditEntry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The audit trail: appended to, never changed. Scoped to one organisation. */
public interface AuditEntries {

    /** Appends an entry, in the caller's transaction. */
    void add(AuditEntry entry);

    /**
     * Up to {@code limit} entries of the organisation (of one connection, when given), newest first, after a position
     * (or from the start).
     */
    List<AuditEntry> page(String orgId, @Nullable UUID connectionId, @Nullable Position after, int limit);

    /** A position in the list: time and id of the last entry seen. */
    record Position(Instant occurredAt, UUID id) {}
}
