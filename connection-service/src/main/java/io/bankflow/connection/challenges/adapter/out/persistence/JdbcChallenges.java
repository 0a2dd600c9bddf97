package io.bankflow.connection.challenges.adapter.out.persistence;

import io.bankflow.connection.challenges.application.port.out.Challenges;
import io.bankflow.connection.challenges.domain.ChallengeStatus;
import io.bankflow.connection.challenges.domain.ChallengeType;
import io.bankflow.connection.challenges.domain.OtpHash;
import io.bankflow.connection.challenges.domain.TwoFactorChallenge;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link Challenges} on {@code two_factor_challenge}. The OTP is never here: only its salted hash, and only while the
 * challenge is PENDING (a check constraint holds that).
 */
@Repository
class JdbcChallenges implements Challenges {

    private static final String COLUMNS = "id, org_id, connection_id, type, status, attempts, max_attempts, expires_at,"
            + " created_at, completed_at, otp_hash";

    private final JdbcClient jdbc;

    JdbcChallenges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(TwoFactorChallenge challenge) {
        jdbc.sql("""
                INSERT INTO two_factor_challenge (id, org_id, connection_id, type, status, attempts, max_attempts,
                                                  expires_at, created_at, completed_at, otp_hash)
                VALUES (:id, :orgId, :connectionId, :type, :status, :attempts, :maxAttempts, :expiresAt, :createdAt,
                        :completedAt, :otpHash)
                """)
                .param("id", challenge.id())
                .param("orgId", challenge.orgId())
                .param("connectionId", challenge.connectionId())
                .param("type", challenge.type().name())
                .param("status", challenge.status().name())
                .param("attempts", challenge.attempts())
                .param("maxAttempts", challenge.maxAttempts())
                .param("expiresAt", Timestamp.from(challenge.expiresAt()))
                .param("createdAt", Timestamp.from(challenge.createdAt()))
                .param("completedAt", timestamp(challenge.completedAt()), Types.TIMESTAMP)
                .param(
                        "otpHash",
                        challenge.otpHash() == null ? null : challenge.otpHash().encoded(),
                        Types.VARCHAR)
                .update();
    }

    @Override
    public Optional<TwoFactorChallenge> find(String orgId, UUID connectionId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM two_factor_challenge"
                        + " WHERE org_id = :orgId AND connection_id = :connectionId AND id = :id")
                .param("orgId", orgId)
                .param("connectionId", connectionId)
                .param("id", id)
                .query(JdbcChallenges::map)
                .optional();
    }

    @Override
    public Optional<TwoFactorChallenge> lock(String orgId, UUID connectionId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM two_factor_challenge"
                        + " WHERE org_id = :orgId AND connection_id = :connectionId AND id = :id FOR UPDATE")
                .param("orgId", orgId)
                .param("connectionId", connectionId)
                .param("id", id)
                .query(JdbcChallenges::map)
                .optional();
    }

    @Override
    public void update(TwoFactorChallenge challenge) {
        jdbc.sql("""
                UPDATE two_factor_challenge
                SET status = :status, attempts = :attempts, completed_at = :completedAt, otp_hash = :otpHash
                WHERE org_id = :orgId AND id = :id
                """)
                .param("status", challenge.status().name())
                .param("attempts", challenge.attempts())
                .param("completedAt", timestamp(challenge.completedAt()), Types.TIMESTAMP)
                .param(
                        "otpHash",
                        challenge.otpHash() == null ? null : challenge.otpHash().encoded(),
                        Types.VARCHAR)
                .param("orgId", challenge.orgId())
                .param("id", challenge.id())
                .update();
    }

    @Override
    public List<TwoFactorChallenge> list(String orgId, UUID connectionId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM two_factor_challenge"
                        + " WHERE org_id = :orgId AND connection_id = :connectionId"
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("orgId", orgId)
                .param("connectionId", connectionId)
                .param("limit", limit)
                .query(JdbcChallenges::map)
                .list();
    }

    @Override
    public int expireDue(Instant now) {
        // Across organisations on purpose: the job serves them all (two_factor_challenge_pending_ix).
        return jdbc.sql("""
                UPDATE two_factor_challenge SET status = 'EXPIRED', completed_at = expires_at, otp_hash = NULL
                WHERE status = 'PENDING' AND expires_at <= :now
                """).param("now", Timestamp.from(now)).update();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static TwoFactorChallenge map(ResultSet rs, int row) throws SQLException {
        Timestamp completedAt = rs.getTimestamp("completed_at");
        String otpHash = rs.getString("otp_hash");
        return new TwoFactorChallenge(
                rs.getObject("id", UUID.class),
                rs.getString("org_id"),
                rs.getObject("connection_id", UUID.class),
                ChallengeType.valueOf(rs.getString("type")),
                ChallengeStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getInt("max_attempts"),
                rs.getTimestamp("expires_at").toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                completedAt == null ? null : completedAt.toInstant(),
                otpHash == null ? null : OtpHash.fromEncoded(otpHash));
    }
}
