package io.bankflow.sync.jobs.adapter.out.persistence;

import io.bankflow.sync.jobs.application.port.out.SyncTargets;
import io.bankflow.sync.jobs.domain.SyncTarget;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link SyncTargets} on the {@code sync_target} table. */
@Repository
class JdbcSyncTargets implements SyncTargets {

    private final JdbcClient jdbc;

    JdbcSyncTargets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<SyncTarget> find(String orgId, UUID connectionId) {
        return jdbc.sql("select * from sync_target where org_id = :orgId and connection_id = :connectionId")
                .param("orgId", orgId)
                .param("connectionId", connectionId)
                .query((rs, row) -> map(rs))
                .optional();
    }

    @Override
    public Optional<SyncTarget> lock(String orgId, UUID connectionId) {
        return jdbc.sql("""
                        select * from sync_target where org_id = :orgId and connection_id = :connectionId
                        for update
                        """)
                .param("orgId", orgId)
                .param("connectionId", connectionId)
                .query((rs, row) -> map(rs))
                .optional();
    }

    @Override
    public void save(SyncTarget target) {
        jdbc.sql("""
                        insert into sync_target (
                            org_id, connection_id, account_id, provider, provider_consent_id, account_iban,
                            account_resource_id, synced_through, updated_at)
                        values (
                            :orgId, :connectionId, :accountId, :provider, :consentId, :iban, :resourceId,
                            :syncedThrough, now())
                        on conflict (org_id, connection_id) do update set
                            account_id = excluded.account_id, provider = excluded.provider,
                            provider_consent_id = excluded.provider_consent_id, account_iban = excluded.account_iban,
                            account_resource_id = excluded.account_resource_id,
                            synced_through = excluded.synced_through, updated_at = now()
                        """)
                .param("orgId", target.orgId())
                .param("connectionId", target.connectionId())
                .param("accountId", target.accountId())
                .param("provider", target.provider())
                .param("consentId", target.providerConsentId())
                .param("iban", target.accountIban())
                .param("resourceId", target.accountResourceId())
                .param("syncedThrough", target.syncedThrough())
                .update();
    }

    @Override
    public List<SyncTarget> findByProviderRef(String orgId, String provider, String ref) {
        return jdbc.sql("""
                        select * from sync_target
                        where org_id = :orgId and provider = :provider
                          and (provider_consent_id = :ref or account_resource_id = :ref)
                        order by connection_id
                        """)
                .param("orgId", orgId)
                .param("provider", provider)
                .param("ref", ref)
                .query((rs, row) -> map(rs))
                .list();
    }

    private static SyncTarget map(ResultSet rs) throws SQLException {
        return new SyncTarget(
                rs.getString("org_id"),
                rs.getObject("connection_id", UUID.class),
                rs.getObject("account_id", UUID.class),
                rs.getString("provider"),
                rs.getString("provider_consent_id"),
                rs.getString("account_iban"),
                rs.getString("account_resource_id"),
                rs.getObject("synced_through", LocalDate.class));
    }
}
