package io.bankflow.reconciliation.expectedpayments.adapter.out.persistence;

import io.bankflow.reconciliation.expectedpayments.application.port.out.CreationRequests;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link CreationRequests} on {@code expected_payment_idempotency_key}: one atomic {@code INSERT ... ON CONFLICT}, so
 * two concurrent requests with the same key cannot both win.
 */
@Repository
class JdbcCreationRequests implements CreationRequests {

    private final JdbcClient jdbc;

    JdbcCreationRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<EarlierCreation> claim(
            String orgId, String key, String fingerprint, UUID expectedPaymentId, Instant now, Instant expiredBefore) {
        // Inserts the claim, or takes over an expired one. A concurrent transaction holding the key makes this wait;
        // if it commits, nothing is written here and its claim is read below.
        int claimed = jdbc.sql("""
                INSERT INTO expected_payment_idempotency_key
                    (org_id, idempotency_key, request_fingerprint, expected_payment_id, created_at)
                VALUES (:orgId, :key, :fingerprint, :paymentId, :now)
                ON CONFLICT (org_id, idempotency_key) DO UPDATE
                    SET request_fingerprint = excluded.request_fingerprint,
                        expected_payment_id = excluded.expected_payment_id,
                        created_at = excluded.created_at
                    WHERE expected_payment_idempotency_key.created_at < :expiredBefore
                """)
                .param("orgId", orgId)
                .param("key", key)
                .param("fingerprint", fingerprint)
                .param("paymentId", expectedPaymentId)
                .param("now", Timestamp.from(now))
                .param("expiredBefore", Timestamp.from(expiredBefore))
                .update();
        if (claimed == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("""
                        SELECT request_fingerprint, expected_payment_id FROM expected_payment_idempotency_key
                        WHERE org_id = :orgId AND idempotency_key = :key
                        """)
                .param("orgId", orgId)
                .param("key", key)
                .query((rs, row) -> new EarlierCreation(
                        rs.getString("request_fingerprint"), rs.getObject("expected_payment_id", UUID.class)))
                .single());
    }
}
