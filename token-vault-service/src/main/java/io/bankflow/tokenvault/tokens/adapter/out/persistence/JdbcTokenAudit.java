package io.bankflow.tokenvault.tokens.adapter.out.persistence;

import io.bankflow.tokenvault.tokens.application.port.out.TokenAudit;
import io.bankflow.tokenvault.tokens.domain.TokenAuditEntry;
import java.sql.Timestamp;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link TokenAudit} as rows of {@code token_audit}, in the caller's transaction. The correlation id is the request's
 * or the event's (MDC {@code correlationId}, set by platform/http-api and platform/kafka-events).
 */
@Repository
class JdbcTokenAudit implements TokenAudit {

    private static final String CORRELATION_ID = "correlationId";

    private final JdbcClient jdbc;

    JdbcTokenAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(TokenAuditEntry entry) {
        jdbc.sql("""
                        INSERT INTO token_audit (org_id, connection_id, operation, actor, correlation_id, occurred_at)
                        VALUES (:orgId, :connectionId, :operation, :actor, :correlationId, :occurredAt)
                        """)
                .param("orgId", entry.binding().orgId())
                .param("connectionId", entry.binding().connectionId())
                .param("operation", entry.operation().name())
                .param("actor", entry.actor())
                .param("correlationId", MDC.get(CORRELATION_ID))
                .param("occurredAt", Timestamp.from(entry.occurredAt()))
                .update();
    }
}
