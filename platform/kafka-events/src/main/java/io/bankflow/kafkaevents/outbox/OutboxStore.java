package io.bankflow.kafkaevents.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SQL of the {@code event_outbox} table (created by {@code db/kafka-events/V0_1_1__event_outbox.sql}). PostgreSQL
 * only. Every method runs in the caller's transaction.
 */
final class OutboxStore {

    /**
     * High half of the advisory-lock key that elects the one publishing instance; the low half is the table's oid,
     * so services sharing a database in different schemas each elect their own publisher. ("BFOB")
     */
    private static final long LOCK_NAMESPACE = 0x42464F42L;

    /** Longest error text kept per row; the full stack trace is in the log. */
    private static final int MAX_ERROR_LENGTH = 2000;

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            String topic,
            String key,
            String eventType,
            @Nullable UUID eventId,
            byte[] payload,
            Map<String, String> headers) {
        jdbc.sql("""
                INSERT INTO event_outbox (topic, message_key, event_type, event_id, payload, headers)
                VALUES (:topic, :key, :eventType, :eventId, :payload, CAST(:headers AS jsonb))
                """)
                .param("topic", topic)
                .param("key", key)
                .param("eventType", eventType)
                .param("eventId", eventId)
                .param("payload", payload)
                .param("headers", HeadersJson.write(headers))
                .update();
    }

    /**
     * Takes the publisher lock for the current transaction. Only one instance per outbox table publishes at a time,
     * which is what keeps events of one key in order across instances; the lock is released at commit or rollback,
     * so another instance takes over on its next round when this one dies.
     */
    boolean tryPublisherLock() {
        return Boolean.TRUE.equals(jdbc.sql("""
                        SELECT pg_try_advisory_xact_lock((:namespace << 32) | ('event_outbox'::regclass)::oid::bigint)
                        """)
                .param("namespace", LOCK_NAMESPACE)
                .query(Boolean.class)
                .single());
    }

    /**
     * The next events to send, in id order: unpublished, not waiting for a retry, and with no earlier unpublished
     * event of the same topic and key waiting for one (so a failing event holds back only its own key).
     */
    List<PendingEvent> nextBatch(int limit) {
        return jdbc.sql("""
                SELECT o.id, o.topic, o.message_key, o.payload, o.headers::text AS headers, o.attempts
                FROM event_outbox o
                WHERE o.published_at IS NULL
                  AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= clock_timestamp())
                  AND NOT EXISTS (
                      SELECT 1 FROM event_outbox earlier
                      WHERE earlier.published_at IS NULL
                        AND earlier.topic = o.topic
                        AND earlier.message_key = o.message_key
                        AND earlier.id < o.id
                        AND earlier.next_attempt_at > clock_timestamp())
                ORDER BY o.id
                LIMIT :limit
                """)
                .param("limit", limit)
                .query(OutboxStore::pendingEvent)
                .list();
    }

    void markPublished(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE event_outbox SET published_at = clock_timestamp() WHERE id IN (:ids)")
                .param("ids", ids)
                .update();
    }

    /** Counts a failed send and holds the event (and the rest of its key) back for {@code retryIn}. */
    void markFailed(long id, Duration retryIn, String error) {
        jdbc.sql("""
                UPDATE event_outbox
                SET attempts = attempts + 1,
                    next_attempt_at = clock_timestamp() + :retryInMillis * interval '1 millisecond',
                    last_error = :error
                WHERE id = :id
                """)
                .param("retryInMillis", retryIn.toMillis())
                .param("error", truncate(error))
                .param("id", id)
                .update();
    }

    /** How many events wait to be published and when the oldest of them was appended. */
    Backlog backlog() {
        return jdbc.sql("""
                SELECT count(*) AS pending, min(created_at) AS oldest
                FROM event_outbox
                WHERE published_at IS NULL
                """)
                .query((rs, row) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    return new Backlog(rs.getLong("pending"), oldest == null ? null : oldest.toInstant());
                })
                .single();
    }

    /** Deletes up to {@code limit} events published longer than {@code retention} ago; returns how many. */
    int deletePublishedBefore(Duration retention, int limit) {
        return jdbc.sql("""
                DELETE FROM event_outbox
                WHERE id IN (
                    SELECT id FROM event_outbox
                    WHERE published_at < clock_timestamp() - :retentionMillis * interval '1 millisecond'
                    ORDER BY id
                    LIMIT :limit)
                """)
                .param("retentionMillis", retention.toMillis())
                .param("limit", limit)
                .update();
    }

    private static PendingEvent pendingEvent(ResultSet rs, int row) throws SQLException {
        return new PendingEvent(
                rs.getLong("id"),
                rs.getString("topic"),
                rs.getString("message_key"),
                rs.getBytes("payload"),
                HeadersJson.read(rs.getString("headers")),
                rs.getInt("attempts"));
    }

    private static String truncate(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }

    /**
     * @param pending events not yet published
     * @param oldestPendingSince when the oldest of them was appended; null when there are none
     */
    record Backlog(long pending, @Nullable Instant oldestPendingSince) {}
}
