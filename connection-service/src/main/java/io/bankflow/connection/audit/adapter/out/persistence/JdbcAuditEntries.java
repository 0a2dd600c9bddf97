package io.bankflow.connection.audit.adapter.out.persistence;

import io.bankflow.connection.audit.application.port.out.AuditEntries;
import io.bankflow.connection.audit.domain.AuditEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link AuditEntries} on {@code audit_entry}; only inserts and reads, every read scoped by {@code org_id}. */
@Repository
class JdbcAuditEntries implements AuditEntries {

    private final JdbcClient jdbc;

    JdbcAuditEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(AuditEntry entry) {
        jdbc.sql("""
                INSERT INTO audit_entry (id, org_id, connection_id, action, actor, details, occurred_at)
                VALUES (:id, :orgId, :connectionId, :action, :actor, :details, :occurredAt)
                """)
                .param("id", entry.id())
                .param("orgId", entry.orgId())
                .param("connectionId", entry.connectionId())
                .param("action", entry.action())
                .param("actor", entry.actor())
                .param("details", entry.details())
                .param("occurredAt", Timestamp.from(entry.occurredAt()))
                .update();
    }

    @Override
    public List<AuditEntry> page(String orgId, @Nullable UUID connectionId, @Nullable Position after, int limit) {
        StringBuilder sql = new StringBuilder(
                "SELECT id, org_id, connection_id, action, actor, details, occurred_at FROM audit_entry"
                        + " WHERE org_id = :orgId");
        if (connectionId != null) {
            sql.append(" AND connection_id = :connectionId");
        }
        if (after != null) {
            sql.append(" AND (occurred_at, id) < (:occurredAt, :id)");
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT :limit");
        JdbcClient.StatementSpec statement =
                jdbc.sql(sql.toString()).param("orgId", orgId).param("limit", limit);
        if (connectionId != null) {
            statement = statement.param("connectionId", connectionId);
        }
        if (after != null) {
            statement = statement
                    .param("occurredAt", Timestamp.from(after.occurredAt()))
                    .param("id", after.id());
        }
        return statement.query(JdbcAuditEntries::map).list();
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getObject("id", UUID.class),
                rs.getString("org_id"),
                rs.getObject("connection_id", UUID.class),
                rs.getString("action"),
                rs.getString("actor"),
                rs.getString("details"),
                rs.getTimestamp("occurred_at").toInstant());
    }
}
