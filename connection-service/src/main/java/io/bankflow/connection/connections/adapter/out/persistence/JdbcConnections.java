package io.bankflow.connection.connections.adapter.out.persistence;

import io.bankflow.connection.connections.application.port.out.Connections;
import io.bankflow.connection.connections.domain.BankConnection;
import io.bankflow.connection.connections.domain.ConnectionStatus;
import io.bankflow.connection.connections.domain.ConsentExpiry;
import io.bankflow.connection.connections.domain.StatusChange;
import io.bankflow.connection.connections.domain.Transition;
import java.net.URI;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link Connections} on {@code bank_connection} and {@code oauth_authorization}; every statement is scoped by
 * {@code org_id}. PKCE verifiers are written encrypted ({@link VerifierCipher}).
 */
@Repository
class JdbcConnections implements Connections {

    private static final String COLUMNS = "id, org_id, provider, environment, bank_account_id, status, consent_id,"
            + " consent_valid_until, status_reason, status_changed_at, created_at";

    private final JdbcClient jdbc;
    private final VerifierCipher cipher;

    JdbcConnections(JdbcClient jdbc, VerifierCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public void add(BankConnection connection, StatusChange created, PendingAuthorization authorization) {
        jdbc.sql("""
                INSERT INTO bank_connection (id, org_id, provider, environment, bank_account_id, status, consent_id,
                                             failure_reason, status_reason, status_changed_at, created_at, updated_at)
                VALUES (:id, :orgId, :provider, :environment, :bankAccountId, :status, :consentId, :failureReason,
                        :statusReason, :createdAt, :createdAt, :createdAt)
                """)
                .param("id", connection.id())
                .param("orgId", connection.orgId())
                .param("provider", connection.provider())
                .param("environment", connection.environment())
                .param("bankAccountId", connection.bankAccountId())
                .param("status", connection.status().name())
                .param("consentId", connection.consentId())
                .param("failureReason", connection.failureReason())
                .param("statusReason", connection.statusReason())
                .param("createdAt", Timestamp.from(connection.createdAt()))
                .update();
        addHistory(created);
        addAuthorization(authorization);
    }

    private void addHistory(StatusChange change) {
        jdbc.sql("""
                INSERT INTO connection_status_change (org_id, connection_id, from_status, to_status, reason, detail,
                                                      actor, changed_at)
                VALUES (:orgId, :connectionId, :from, :to, :reason, :detail, :actor, :at)
                """)
                .param("orgId", change.orgId())
                .param("connectionId", change.connectionId())
                .param("from", change.from() == null ? null : change.from().name(), Types.VARCHAR)
                .param("to", change.to().name())
                .param("reason", change.reason())
                .param("detail", change.detail())
                .param("actor", change.actor(), Types.VARCHAR)
                .param("at", Timestamp.from(change.at()))
                .update();
    }

    private void addAuthorization(PendingAuthorization authorization) {
        jdbc.sql("""
                INSERT INTO oauth_authorization (state_hash, connection_id, org_id, code_verifier_enc, redirect_uri,
                                                 authorization_endpoint, expires_at, created_at, consent_id,
                                                 consent_valid_until)
                VALUES (:stateHash, :connectionId, :orgId, :verifier, :redirectUri, :authorizationEndpoint,
                        :expiresAt, :createdAt, :consentId, :validUntil)
                """)
                .param("stateHash", authorization.stateHash())
                .param("connectionId", authorization.connectionId())
                .param("orgId", authorization.orgId())
                .param("verifier", cipher.encrypt(authorization.connectionId(), authorization.pkce()))
                .param("redirectUri", authorization.redirectUri().toString())
                .param(
                        "authorizationEndpoint",
                        authorization.authorizationEndpoint().toString())
                .param("expiresAt", Timestamp.from(authorization.expiresAt()))
                .param("createdAt", Timestamp.from(authorization.createdAt()))
                .param("consentId", authorization.consentId())
                .param("validUntil", date(authorization.consentValidUntil()), Types.DATE)
                .update();
    }

    @Override
    public Optional<Authorizable> lockForNewAuthorization(String orgId, UUID connectionId) {
        return jdbc.sql("SELECT " + COLUMNS + ", (SELECT a.authorization_endpoint FROM oauth_authorization a"
                        + " WHERE a.connection_id = c.id AND a.org_id = c.org_id"
                        + " ORDER BY a.created_at DESC LIMIT 1) AS authorization_endpoint"
                        + " FROM bank_connection c WHERE c.org_id = :orgId AND c.id = :id FOR UPDATE")
                .param("orgId", orgId)
                .param("id", connectionId)
                .query((rs, row) -> {
                    String endpoint = rs.getString("authorization_endpoint");
                    return new Authorizable(map(rs, row), endpoint == null ? null : URI.create(endpoint));
                })
                .optional();
    }

    @Override
    public void replaceAuthorizations(PendingAuthorization authorization, Instant now) {
        jdbc.sql("""
                UPDATE oauth_authorization SET expires_at = :now
                WHERE connection_id = :connectionId AND org_id = :orgId AND used_at IS NULL AND expires_at > :now
                """)
                .param("now", Timestamp.from(now))
                .param("connectionId", authorization.connectionId())
                .param("orgId", authorization.orgId())
                .update();
        addAuthorization(authorization);
    }

    @Override
    public Optional<BankConnection> find(String orgId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bank_connection WHERE org_id = :orgId AND id = :id")
                .param("orgId", orgId)
                .param("id", id)
                .query(JdbcConnections::map)
                .optional();
    }

    @Override
    public Optional<AuthorizationInProgress> lockAuthorization(String stateHash) {
        return jdbc.sql("""
                        SELECT a.code_verifier_enc, a.redirect_uri, a.expires_at, a.used_at,
                               a.consent_id AS authorized_consent_id,
                               a.consent_valid_until AS authorized_valid_until,
                               c.id, c.org_id, c.provider, c.environment, c.bank_account_id, c.status, c.consent_id,
                               c.consent_valid_until, c.status_reason, c.status_changed_at, c.created_at
                        FROM oauth_authorization a
                        JOIN bank_connection c ON c.id = a.connection_id AND c.org_id = a.org_id
                        WHERE a.state_hash = :stateHash
                        FOR UPDATE
                        """)
                .param("stateHash", stateHash)
                .query((rs, row) -> {
                    BankConnection connection = map(rs, row);
                    Timestamp usedAt = rs.getTimestamp("used_at");
                    return new AuthorizationInProgress(
                            connection,
                            cipher.decrypt(connection.id(), rs.getString("code_verifier_enc")),
                            URI.create(rs.getString("redirect_uri")),
                            rs.getTimestamp("expires_at").toInstant(),
                            usedAt == null ? null : usedAt.toInstant(),
                            rs.getString("authorized_consent_id"),
                            localDate(rs.getDate("authorized_valid_until")));
                })
                .optional();
    }

    @Override
    public void markAuthorizationUsed(String stateHash, @Nullable Instant usedAt) {
        jdbc.sql("UPDATE oauth_authorization SET used_at = :usedAt WHERE state_hash = :stateHash")
                .param("usedAt", usedAt == null ? null : Timestamp.from(usedAt), java.sql.Types.TIMESTAMP)
                .param("stateHash", stateHash)
                .update();
    }

    @Override
    public Optional<BankConnection> lock(String orgId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bank_connection WHERE org_id = :orgId AND id = :id FOR UPDATE")
                .param("orgId", orgId)
                .param("id", id)
                .query(JdbcConnections::map)
                .optional();
    }

    @Override
    public void apply(Transition transition) {
        BankConnection connection = transition.connection();
        Instant endsAt = connection.consentEndsAt();
        jdbc.sql("""
                UPDATE bank_connection
                SET status = :status, failure_reason = :failureReason, status_reason = :statusReason,
                    status_changed_at = :now, consent_id = :consentId, consent_valid_until = :validUntil,
                    consent_expires_at = :endsAt, updated_at = :now, version = version + 1
                WHERE org_id = :orgId AND id = :id
                """)
                .param("status", connection.status().name())
                .param("failureReason", connection.failureReason(), Types.VARCHAR)
                .param("statusReason", connection.statusReason(), Types.VARCHAR)
                .param("now", Timestamp.from(connection.statusChangedAt()))
                .param("consentId", connection.consentId(), Types.VARCHAR)
                .param("validUntil", date(connection.consentValidUntil()), Types.DATE)
                .param("endsAt", endsAt == null ? null : Timestamp.from(endsAt), Types.TIMESTAMP)
                .param("orgId", connection.orgId())
                .param("id", connection.id())
                .update();
        addHistory(transition.change());
    }

    @Override
    public List<StatusChange> history(String orgId, UUID id) {
        return jdbc.sql("""
                        SELECT connection_id, org_id, from_status, to_status, reason, detail, actor, changed_at
                        FROM connection_status_change WHERE org_id = :orgId AND connection_id = :id ORDER BY id
                        """)
                .param("orgId", orgId)
                .param("id", id)
                .query((rs, row) -> {
                    String from = rs.getString("from_status");
                    return new StatusChange(
                            rs.getObject("connection_id", UUID.class),
                            rs.getString("org_id"),
                            from == null ? null : ConnectionStatus.valueOf(from),
                            ConnectionStatus.valueOf(rs.getString("to_status")),
                            rs.getString("reason"),
                            rs.getString("detail"),
                            rs.getString("actor"),
                            rs.getTimestamp("changed_at").toInstant());
                })
                .list();
    }

    @Override
    public List<ConnectionRef> expiryCandidates(Instant now, int limit) {
        // Only rows with something due, so that rounds shrink as they are handled (see ConsentExpiry.decide).
        return jdbc.sql("""
                        SELECT c.org_id, c.id FROM bank_connection c
                        WHERE c.status IN ('ACTIVE', 'EXPIRING', 'ERROR')
                          AND c.consent_expires_at <= :firstWindow
                          AND (c.consent_expires_at <= :now
                               OR c.status = 'ACTIVE'
                               OR NOT EXISTS (SELECT 1 FROM consent_expiry_warning w
                                              WHERE w.connection_id = c.id
                                                AND w.consent_expires_at = c.consent_expires_at
                                                AND w.days_ahead = :firstDays)
                               OR (c.consent_expires_at <= :secondWindow
                                   AND NOT EXISTS (SELECT 1 FROM consent_expiry_warning w
                                                   WHERE w.connection_id = c.id
                                                     AND w.consent_expires_at = c.consent_expires_at
                                                     AND w.days_ahead = :secondDays)))
                        ORDER BY c.consent_expires_at, c.id LIMIT :limit
                        """)
                .param("now", Timestamp.from(now))
                .param("firstWindow", Timestamp.from(now.plus(Duration.ofDays(ConsentExpiry.FIRST_WARNING_DAYS))))
                .param("secondWindow", Timestamp.from(now.plus(Duration.ofDays(ConsentExpiry.SECOND_WARNING_DAYS))))
                .param("firstDays", ConsentExpiry.FIRST_WARNING_DAYS)
                .param("secondDays", ConsentExpiry.SECOND_WARNING_DAYS)
                .param("limit", limit)
                .query((rs, row) -> new ConnectionRef(rs.getString("org_id"), rs.getObject("id", UUID.class)))
                .list();
    }

    @Override
    public Set<Integer> warnedDaysAhead(UUID connectionId, Instant consentEndsAt) {
        return new HashSet<>(jdbc.sql("""
                        SELECT days_ahead FROM consent_expiry_warning
                        WHERE connection_id = :id AND consent_expires_at = :endsAt
                        """)
                .param("id", connectionId)
                .param("endsAt", Timestamp.from(consentEndsAt))
                .query(Integer.class)
                .list());
    }

    @Override
    public void recordWarnings(BankConnection connection, Instant consentEndsAt, List<Integer> daysAhead, Instant now) {
        for (int days : daysAhead) {
            jdbc.sql("""
                    INSERT INTO consent_expiry_warning (connection_id, org_id, consent_expires_at, days_ahead,
                                                        published_at)
                    VALUES (:id, :orgId, :endsAt, :days, :now)
                    """)
                    .param("id", connection.id())
                    .param("orgId", connection.orgId())
                    .param("endsAt", Timestamp.from(consentEndsAt))
                    .param("days", days)
                    .param("now", Timestamp.from(now))
                    .update();
        }
    }

    @Override
    public List<String> unusedAuthorizationConsents(String orgId, UUID connectionId) {
        return jdbc.sql("""
                        SELECT DISTINCT a.consent_id FROM oauth_authorization a
                        JOIN bank_connection c ON c.id = a.connection_id AND c.org_id = a.org_id
                        WHERE a.org_id = :orgId AND a.connection_id = :connectionId AND a.used_at IS NULL
                          AND a.consent_id IS NOT NULL AND a.consent_id IS DISTINCT FROM c.consent_id
                        """)
                .param("orgId", orgId)
                .param("connectionId", connectionId)
                .query(String.class)
                .list();
    }

    @Override
    public void expireAuthorizations(String orgId, UUID connectionId, Instant now) {
        jdbc.sql("""
                UPDATE oauth_authorization SET expires_at = :now
                WHERE connection_id = :connectionId AND org_id = :orgId AND used_at IS NULL AND expires_at > :now
                """)
                .param("now", Timestamp.from(now))
                .param("connectionId", connectionId)
                .param("orgId", orgId)
                .update();
    }

    @Override
    public List<BankConnection> page(String orgId, @Nullable Position after, int limit) {
        if (after == null) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM bank_connection WHERE org_id = :orgId"
                            + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                    .param("orgId", orgId)
                    .param("limit", limit)
                    .query(JdbcConnections::map)
                    .list();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM bank_connection WHERE org_id = :orgId"
                        + " AND (created_at, id) < (:createdAt, :id) ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("orgId", orgId)
                .param("createdAt", Timestamp.from(after.createdAt()))
                .param("id", after.id())
                .param("limit", limit)
                .query(JdbcConnections::map)
                .list();
    }

    private static BankConnection map(ResultSet rs, int row) throws SQLException {
        return new BankConnection(
                rs.getObject("id", UUID.class),
                rs.getString("org_id"),
                rs.getString("provider"),
                rs.getString("environment"),
                rs.getObject("bank_account_id", UUID.class),
                ConnectionStatus.valueOf(rs.getString("status")),
                rs.getString("consent_id"),
                localDate(rs.getDate("consent_valid_until")),
                rs.getString("status_reason"),
                rs.getTimestamp("status_changed_at").toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }

    private static @Nullable Date date(@Nullable LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static @Nullable LocalDate localDate(@Nullable Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
