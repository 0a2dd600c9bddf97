package io.bankflow.connection.accounts.adapter.out.persistence;

import io.bankflow.connection.accounts.application.port.out.AccountCreationRequests;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link AccountCreationRequests} on {@code bank_account_idempotency_key}, with a transaction-scoped advisory lock per
 * key: a request holding the key keeps it until it commits or rolls back, and a concurrent one is answered at once.
 */
@Repository
class JdbcAccountCreationRequests implements AccountCreationRequests {

    private final JdbcClient jdbc;

    JdbcAccountCreationRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean tryLock(String orgId, String key) {
        Boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtextextended(:lockKey, 0))")
                .param("lockKey", "bank-account-idempotency:" + orgId + ":" + key)
                .query(Boolean.class)
                .single();
        return Boolean.TRUE.equals(locked);
    }

    @Override
    public Optional<EarlierCreation> find(String orgId, String key, Instant notBefore) {
        return jdbc.sql("""
                        SELECT request_fingerprint, bank_account_id FROM bank_account_idempotency_key
                        WHERE org_id = :orgId AND idempotency_key = :key AND created_at >= :notBefore
                        """)
                .param("orgId", orgId)
                .param("key", key)
                .param("notBefore", Timestamp.from(notBefore))
                .query((rs, row) -> new EarlierCreation(
                        rs.getString("request_fingerprint"), rs.getObject("bank_account_id", UUID.class)))
                .optional();
    }

    @Override
    public void record(String orgId, String key, String fingerprint, UUID accountId, Instant now) {
        jdbc.sql("""
                INSERT INTO bank_account_idempotency_key
                    (org_id, idempotency_key, request_fingerprint, bank_account_id, created_at)
                VALUES (:orgId, :key, :fingerprint, :accountId, :now)
                ON CONFLICT (org_id, idempotency_key) DO UPDATE
                    SET request_fingerprint = excluded.request_fingerprint,
                        bank_account_id = excluded.bank_account_id,
                        created_at = excluded.created_at
                """)
                .param("orgId", orgId)
                .param("key", key)
                .param("fingerprint", fingerprint)
                .param("accountId", accountId)
                .param("now", Timestamp.from(now))
                .update();
    }
}
