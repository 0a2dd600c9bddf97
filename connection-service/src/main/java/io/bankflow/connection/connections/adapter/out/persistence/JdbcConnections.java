package io.bankflow.connection.connections.adapter.out.persistence;

import io.bankflow.connection.connections.application.port.out.Connections;
import io.bankflow.connection.connections.domain.BankConnection;
import io.bankflow.connection.connections.domain.ConnectionStatus;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    private static final String COLUMNS =
            "id, org_id, provider, environment, bank_account_id, status, consent_id," + " failure_reason, created_at";

    private final JdbcClient jdbc;
    private final VerifierCipher cipher;

    JdbcConnections(JdbcClient jdbc, VerifierCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public void add(BankConnection connection, PendingAuthorization authorization) {
        jdbc.sql("""
                INSERT INTO bank_connection (id, org_id, provider, environment, bank_account_id, status, consent_id,
                                             failure_reason, created_at, updated_at)
                VALUES (:id, :orgId, :provider, :environment, :bankAccountId, :status, :consentId, :failureReason,
                        :createdAt, :createdAt)
                """)
                .param("id", connection.id())
                .param("orgId", connection.orgId())
                .param("provider", connection.provider())
                .param("environment", connection.environment())
                .param("bankAccountId", connection.bankAccountId())
                .param("status", connection.status().name())
                .param("consentId", connection.consentId())
                .param("failureReason", connection.failureReason())
                .param("createdAt", Timestamp.from(connection.createdAt()))
                .update();
        addAuthorization(authorization);
    }

    private void addAuthorization(PendingAuthorization authorization) {
        jdbc.sql("""
                INSERT INTO oauth_authorization (state_hash, connection_id, org_id, code_verifier_enc, redirect_uri,
                                                 authorization_endpoint, expires_at, created_at)
                VALUES (:stateHash, :connectionId, :orgId, :verifier, :redirectUri, :authorizationEndpoint,
                        :expiresAt, :createdAt)
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
                               c.id, c.org_id, c.provider, c.environment, c.bank_account_id, c.status, c.consent_id,
                               c.failure_reason, c.created_at
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
                            usedAt == null ? null : usedAt.toInstant());
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
    public void update(BankConnection connection, Instant now) {
        jdbc.sql("""
                UPDATE bank_connection
                SET status = :status, failure_reason = :failureReason, updated_at = :now, version = version + 1
                WHERE org_id = :orgId AND id = :id
                """)
                .param("status", connection.status().name())
                .param("failureReason", connection.failureReason())
                .param("now", Timestamp.from(now))
                .param("orgId", connection.orgId())
                .param("id", connection.id())
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
                rs.getString("failure_reason"),
                rs.getTimestamp("created_at").toInstant());
    }
}
