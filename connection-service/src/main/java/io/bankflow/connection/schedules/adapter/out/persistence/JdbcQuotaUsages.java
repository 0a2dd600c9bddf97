package io.bankflow.connection.schedules.adapter.out.persistence;

import io.bankflow.connection.schedules.application.port.out.QuotaUsages;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link QuotaUsages} on {@code sync_quota_usage}: one row per connection and provider day. */
@Repository
class JdbcQuotaUsages implements QuotaUsages {

    private final JdbcClient jdbc;

    JdbcQuotaUsages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int used(UUID connectionId, LocalDate day) {
        return jdbc.sql("SELECT used FROM sync_quota_usage WHERE connection_id = :id AND quota_day = :day")
                .param("id", connectionId)
                .param("day", day)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    @Override
    public void use(String orgId, UUID connectionId, LocalDate day) {
        jdbc.sql("""
                INSERT INTO sync_quota_usage (connection_id, quota_day, org_id, used) VALUES (:id, :day, :orgId, 1)
                ON CONFLICT (connection_id, quota_day) DO UPDATE SET used = sync_quota_usage.used + 1
                """)
                .param("id", connectionId)
                .param("day", day)
                .param("orgId", orgId)
                .update();
    }
}
