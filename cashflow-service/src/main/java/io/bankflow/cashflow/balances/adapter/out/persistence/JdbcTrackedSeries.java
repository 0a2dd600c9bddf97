package io.bankflow.cashflow.balances.adapter.out.persistence;

import io.bankflow.cashflow.balances.application.port.out.TrackedSeries;
import io.bankflow.cashflow.balances.domain.SeriesKey;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link TrackedSeries} on {@code tracked_series}. */
@Repository
class JdbcTrackedSeries implements TrackedSeries {

    private final JdbcClient jdbc;

    JdbcTrackedSeries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void track(SeriesKey series) {
        jdbc.sql("""
                INSERT INTO tracked_series (org_id, account_id, currency) VALUES (:orgId, :accountId, :currency)
                ON CONFLICT (org_id, account_id, currency) DO NOTHING
                """)
                .param("orgId", series.orgId())
                .param("accountId", series.accountId())
                .param("currency", series.currency().getCurrencyCode())
                .update();
    }

    @Override
    public boolean exists(SeriesKey series) {
        return jdbc.sql("""
                        SELECT count(*) FROM tracked_series
                        WHERE org_id = :orgId AND account_id = :accountId AND currency = :currency
                        """)
                        .param("orgId", series.orgId())
                        .param("accountId", series.accountId())
                        .param("currency", series.currency().getCurrencyCode())
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public List<SeriesKey> of(String orgId) {
        return jdbc.sql("""
                        SELECT account_id, currency FROM tracked_series WHERE org_id = :orgId
                        ORDER BY account_id, currency
                        """)
                .param("orgId", orgId)
                .query((rs, row) -> new SeriesKey(
                        orgId, rs.getObject("account_id", UUID.class), Currency.getInstance(rs.getString("currency"))))
                .list();
    }
}
