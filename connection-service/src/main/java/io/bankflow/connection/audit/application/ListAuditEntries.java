package io.bankflow.connection.audit.application;

import io.bankflow.connection.audit.application.port.out.AuditEntries;
import io.bankflow.connection.audit.domain.AuditEntry;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation's audit trail, newest first, in pages. */
@Service
public class ListAuditEntries {

    private final AuditEntries entries;

    ListAuditEntries(AuditEntries entries) {
        this.entries = entries;
    }

    /** A page and where the next one starts (null on the last). */
    public record Page(List<AuditEntry> items, AuditEntries.@Nullable Position next) {}

    @Transactional(readOnly = true)
    public Page list(String orgId, @Nullable UUID connectionId, AuditEntries.@Nullable Position after, int limit) {
        List<AuditEntry> found = entries.page(orgId, connectionId, after, limit + 1);
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<AuditEntry> items = found.subList(0, limit);
        AuditEntry last = items.getLast();
        return new Page(List.copyOf(items), new AuditEntries.Position(last.occurredAt(), last.id()));
    }
}
