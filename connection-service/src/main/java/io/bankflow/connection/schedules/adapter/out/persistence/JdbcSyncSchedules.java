package io.bankflow.connection.schedules.adapter.out.persistence;

import io.bankflow.connection.schedules.application.port.out.SyncSchedules;
import io.bankflow.connection.schedules.domain.Frequency;
import io.bankflow.connection.schedules.domain.Recurrence;
import io.bankflow.connection.schedules.domain.SyncSchedule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link SyncSchedules} on {@code sync_schedule}; every statement but the timer's is scoped by {@code org_id}. */
@Repository
class JdbcSyncSchedules implements SyncSchedules {

    private static final String COLUMNS = "connection_id, org_id, frequency, time_of_day, day_of_week, day_of_month,"
            + " times_per_day, time_zone, paused, next_run_at, last_run_at, updated_at";

    private final JdbcClient jdbc;

    JdbcSyncSchedules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<SyncSchedule> find(String orgId, UUID connectionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sync_schedule WHERE org_id = :orgId AND connection_id = :id")
                .param("orgId", orgId)
                .param("id", connectionId)
                .query(JdbcSyncSchedules::map)
                .optional();
    }

    @Override
    public Optional<SyncSchedule> lock(String orgId, UUID connectionId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM sync_schedule WHERE org_id = :orgId AND connection_id = :id FOR UPDATE")
                .param("orgId", orgId)
                .param("id", connectionId)
                .query(JdbcSyncSchedules::map)
                .optional();
    }

    @Override
    public Optional<SyncSchedule> lockNextDue(Instant now, Collection<UUID> passOver) {
        // Across organisations on purpose: the timer serves them all (sync_schedule_due_ix).
        String sql = "SELECT " + COLUMNS + " FROM sync_schedule WHERE NOT paused AND next_run_at <= :now"
                + (passOver.isEmpty() ? "" : " AND connection_id NOT IN (:passOver)")
                + " ORDER BY next_run_at LIMIT 1 FOR UPDATE SKIP LOCKED";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("now", Timestamp.from(now));
        if (!passOver.isEmpty()) {
            statement = statement.param("passOver", List.copyOf(passOver));
        }
        return statement.query(JdbcSyncSchedules::map).optional();
    }

    @Override
    public void save(SyncSchedule schedule) {
        Recurrence recurrence = schedule.recurrence();
        jdbc.sql("""
                INSERT INTO sync_schedule (connection_id, org_id, frequency, time_of_day, day_of_week, day_of_month,
                                           times_per_day, time_zone, paused, next_run_at, last_run_at, created_at,
                                           updated_at)
                VALUES (:connectionId, :orgId, :frequency, :time, :dayOfWeek, :dayOfMonth, :timesPerDay, :zone,
                        :paused, :nextRunAt, :lastRunAt, :updatedAt, :updatedAt)
                ON CONFLICT (connection_id) DO UPDATE SET
                    frequency = excluded.frequency, time_of_day = excluded.time_of_day,
                    day_of_week = excluded.day_of_week, day_of_month = excluded.day_of_month,
                    times_per_day = excluded.times_per_day, time_zone = excluded.time_zone, paused = excluded.paused,
                    next_run_at = excluded.next_run_at, last_run_at = excluded.last_run_at,
                    updated_at = excluded.updated_at
                WHERE sync_schedule.org_id = excluded.org_id
                """)
                .param("connectionId", schedule.connectionId())
                .param("orgId", schedule.orgId())
                .param("frequency", recurrence.frequency().name())
                .param("time", Time.valueOf(recurrence.time()))
                .param(
                        "dayOfWeek",
                        recurrence.dayOfWeek() == null
                                ? null
                                : recurrence.dayOfWeek().getValue(),
                        Types.SMALLINT)
                .param("dayOfMonth", recurrence.dayOfMonth(), Types.SMALLINT)
                .param("timesPerDay", recurrence.timesPerDay(), Types.SMALLINT)
                .param("zone", recurrence.zone().getId())
                .param("paused", schedule.paused())
                .param("nextRunAt", Timestamp.from(schedule.nextRunAt()))
                .param(
                        "lastRunAt",
                        schedule.lastRunAt() == null ? null : Timestamp.from(schedule.lastRunAt()),
                        Types.TIMESTAMP)
                .param("updatedAt", Timestamp.from(schedule.updatedAt()))
                .update();
    }

    private static SyncSchedule map(ResultSet rs, int row) throws SQLException {
        int dayOfWeek = rs.getInt("day_of_week");
        Integer dayOfWeekValue = rs.wasNull() ? null : dayOfWeek;
        int dayOfMonth = rs.getInt("day_of_month");
        Integer dayOfMonthValue = rs.wasNull() ? null : dayOfMonth;
        int timesPerDay = rs.getInt("times_per_day");
        Integer timesPerDayValue = rs.wasNull() ? null : timesPerDay;
        Timestamp lastRunAt = rs.getTimestamp("last_run_at");
        return new SyncSchedule(
                rs.getObject("connection_id", UUID.class),
                rs.getString("org_id"),
                new Recurrence(
                        Frequency.valueOf(rs.getString("frequency")),
                        rs.getTime("time_of_day").toLocalTime(),
                        dayOfWeekValue == null ? null : DayOfWeek.of(dayOfWeekValue),
                        dayOfMonthValue,
                        timesPerDayValue,
                        ZoneId.of(rs.getString("time_zone"))),
                rs.getBoolean("paused"),
                rs.getTimestamp("next_run_at").toInstant(),
                lastRunAt == null ? null : lastRunAt.toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
