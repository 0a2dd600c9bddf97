package io.bankflow.sync.jobs.adapter.out.persistence;

import io.bankflow.sync.jobs.application.port.out.SyncJobs;
import io.bankflow.sync.jobs.domain.SyncCounts;
import io.bankflow.sync.jobs.domain.SyncFailure;
import io.bankflow.sync.jobs.domain.SyncJob;
import io.bankflow.sync.jobs.domain.SyncJobStatus;
import io.bankflow.sync.jobs.domain.SyncReason;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link SyncJobs} on the {@code sync_job} table; the queue is claimed with {@code FOR UPDATE SKIP LOCKED}. */
@Repository
class JdbcSyncJobs implements SyncJobs {

    private final JdbcClient jdbc;

    JdbcSyncJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(SyncJob job, Instant notBefore) {
        jdbc.sql("""
                        insert into sync_job (
                            id, org_id, connection_id, account_id, provider, reason, status, date_from, date_to,
                            requested_by, psu_ip_address, correlation_id, causation_id, requested_at, not_before)
                        values (
                            :id, :orgId, :connectionId, :accountId, :provider, :reason, :status, :dateFrom, :dateTo,
                            :requestedBy, :psuIpAddress, :correlationId, :causationId, :requestedAt, :notBefore)
                        """)
                .param("id", job.id())
                .param("orgId", job.orgId())
                .param("connectionId", job.connectionId())
                .param("accountId", job.accountId())
                .param("provider", job.provider())
                .param("reason", job.reason().name())
                .param("status", job.status().name())
                .param("dateFrom", job.requestedFrom())
                .param("dateTo", job.requestedTo())
                .param("requestedBy", job.requestedBy())
                .param("psuIpAddress", job.psuIpAddress())
                .param("correlationId", job.correlationId())
                .param("causationId", job.causationId())
                .param("requestedAt", Timestamp.from(job.requestedAt()))
                .param("notBefore", Timestamp.from(notBefore))
                .update();
    }

    @Override
    public Optional<SyncJob> claimNext(Instant now, Duration lease) {
        return jdbc.sql("""
                        update sync_job set status = 'RUNNING', lease_until = :leaseUntil, attempts = attempts + 1,
                            started_at = coalesce(started_at, :now)
                        where id = (
                            select candidate.id from sync_job candidate
                            where ((candidate.status = 'QUEUED' and candidate.not_before <= :now)
                                   or (candidate.status = 'RUNNING' and candidate.lease_until < :now))
                              and not exists (
                                  select 1 from sync_job running
                                  where running.org_id = candidate.org_id
                                    and running.connection_id = candidate.connection_id
                                    and running.status = 'RUNNING' and running.lease_until >= :now
                                    and running.id <> candidate.id)
                            order by candidate.not_before, candidate.requested_at
                            limit 1
                            for update skip locked)
                        returning *
                        """)
                .param("leaseUntil", Timestamp.from(now.plus(lease)))
                .param("now", Timestamp.from(now))
                .query((rs, row) -> map(rs))
                .optional();
    }

    @Override
    public void finish(SyncJob job) {
        SyncFailure failure = job.failure();
        int updated = jdbc.sql("""
                        update sync_job set status = :status, finished_at = :finishedAt, lease_until = null, psu_ip_address = null,
                            fetched_count = :fetched, new_count = :newLines, duplicate_count = :duplicates,
                            error_count = :errors, failure_code = :failureCode, failure_message = :failureMessage,
                            failure_retryable = :failureRetryable
                        where org_id = :orgId and id = :id and status = 'RUNNING' and attempts = :attempts
                        """)
                .param("status", job.status().name())
                .param("finishedAt", job.finishedAt() == null ? null : Timestamp.from(job.finishedAt()))
                .param("fetched", job.counts().fetched())
                .param("newLines", job.counts().newLines())
                .param("duplicates", job.counts().duplicates())
                .param("errors", job.counts().errors())
                .param("failureCode", failure == null ? null : failure.code())
                .param("failureMessage", failure == null ? null : failure.message())
                .param("failureRetryable", failure == null ? null : failure.retryable())
                .param("orgId", job.orgId())
                .param("id", job.id())
                .param("attempts", job.attempts())
                .update();
        if (updated != 1) {
            throw new LostLeaseException(job.id());
        }
    }

    @Override
    public void requeue(SyncJob job, Instant notBefore) {
        SyncFailure failure = job.failure();
        int updated = jdbc.sql("""
                        update sync_job set status = 'QUEUED', not_before = :notBefore, lease_until = null,
                            failure_code = :failureCode, failure_message = :failureMessage,
                            failure_retryable = :failureRetryable
                        where org_id = :orgId and id = :id and status = 'RUNNING' and attempts = :attempts
                        """)
                .param("notBefore", Timestamp.from(notBefore))
                .param("failureCode", failure == null ? null : failure.code())
                .param("failureMessage", failure == null ? null : failure.message())
                .param("failureRetryable", failure == null ? null : failure.retryable())
                .param("orgId", job.orgId())
                .param("id", job.id())
                .param("attempts", job.attempts())
                .update();
        if (updated != 1) {
            throw new LostLeaseException(job.id());
        }
    }

    @Override
    public Optional<SyncJob> find(String orgId, UUID id) {
        return jdbc.sql("select * from sync_job where org_id = :orgId and id = :id")
                .param("orgId", orgId)
                .param("id", id)
                .query((rs, row) -> map(rs))
                .optional();
    }

    @Override
    public List<SyncJob> list(String orgId, @Nullable UUID connectionId, @Nullable Position after, int limit) {
        StringBuilder sql = new StringBuilder("select * from sync_job where org_id = :orgId");
        if (connectionId != null) {
            sql.append(" and connection_id = :connectionId");
        }
        if (after != null) {
            sql.append(" and (requested_at, id) < (:afterRequestedAt, :afterId)");
        }
        sql.append(" order by requested_at desc, id desc limit :limit");
        JdbcClient.StatementSpec statement =
                jdbc.sql(sql.toString()).param("orgId", orgId).param("limit", limit);
        if (connectionId != null) {
            statement = statement.param("connectionId", connectionId);
        }
        if (after != null) {
            statement = statement
                    .param("afterRequestedAt", Timestamp.from(after.requestedAt()))
                    .param("afterId", after.id());
        }
        return statement.query((rs, row) -> map(rs)).list();
    }

    @Override
    public boolean hasQueued(String orgId, UUID connectionId) {
        return jdbc.sql("""
                        select exists (select 1 from sync_job
                                       where org_id = :orgId and connection_id = :connectionId
                                         and status = 'QUEUED')
                        """)
                .param("orgId", orgId)
                .param("connectionId", connectionId)
                .query(Boolean.class)
                .single();
    }

    @Override
    public long countQueued() {
        return jdbc.sql("select count(*) from sync_job where status = 'QUEUED'")
                .query(Long.class)
                .single();
    }

    private static SyncJob map(ResultSet rs) throws SQLException {
        String failureCode = rs.getString("failure_code");
        return new SyncJob(
                rs.getObject("id", UUID.class),
                rs.getString("org_id"),
                rs.getObject("connection_id", UUID.class),
                rs.getObject("account_id", UUID.class),
                rs.getString("provider"),
                SyncReason.valueOf(rs.getString("reason")),
                SyncJobStatus.valueOf(rs.getString("status")),
                rs.getObject("date_from", LocalDate.class),
                rs.getObject("date_to", LocalDate.class),
                rs.getString("requested_by"),
                rs.getString("psu_ip_address"),
                rs.getString("correlation_id"),
                rs.getString("causation_id"),
                instant(rs, "requested_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                rs.getInt("attempts"),
                new SyncCounts(
                        rs.getInt("fetched_count"),
                        rs.getInt("new_count"),
                        rs.getInt("duplicate_count"),
                        rs.getInt("error_count")),
                failureCode == null
                        ? null
                        : new SyncFailure(
                                failureCode, rs.getString("failure_message"), rs.getBoolean("failure_retryable")));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
