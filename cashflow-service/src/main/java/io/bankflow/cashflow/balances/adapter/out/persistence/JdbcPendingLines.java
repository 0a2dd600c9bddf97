package io.bankflow.cashflow.balances.adapter.out.persistence;

import io.bankflow.cashflow.balances.application.port.out.PendingLines;
import io.bankflow.cashflow.balances.domain.PendingLine;
import io.bankflow.cashflow.balances.domain.SeriesKey;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link PendingLines} on {@code pending_line}. */
@Repository
class JdbcPendingLines implements PendingLines {

    private final JdbcClient jdbc;

    JdbcPendingLines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void keep(PendingLine line) {
        jdbc.sql("""
                INSERT INTO pending_line (org_id, line_id, account_id, currency, expected_date, amount, first_seen_on)
                VALUES (:orgId, :lineId, :accountId, :currency, :expectedDate, :amount, :firstSeenOn)
                ON CONFLICT (org_id, line_id) DO UPDATE
                SET account_id = excluded.account_id, currency = excluded.currency,
                    expected_date = excluded.expected_date, amount = excluded.amount, updated_at = now()
                """)
                .param("orgId", line.series().orgId())
                .param("lineId", line.lineId())
                .param("accountId", line.series().accountId())
                .param("currency", line.series().currency().getCurrencyCode())
                .param("expectedDate", line.expectedDate())
                .param("amount", line.amount())
                .param("firstSeenOn", line.firstSeenOn())
                .update();
    }

    @Override
    public int remove(String orgId, Collection<UUID> lineIds) {
        return jdbc.sql("DELETE FROM pending_line WHERE org_id = :orgId AND line_id IN (:lineIds)")
                .param("orgId", orgId)
                .param("lineIds", lineIds)
                .update();
    }

    @Override
    public List<PendingLine> of(SeriesKey series) {
        return jdbc.sql("""
                        SELECT line_id, expected_date, amount, first_seen_on FROM pending_line
                        WHERE org_id = :orgId AND account_id = :accountId AND currency = :currency
                        ORDER BY expected_date NULLS LAST, line_id
                        """)
                .param("orgId", series.orgId())
                .param("accountId", series.accountId())
                .param("currency", series.currency().getCurrencyCode())
                .query((rs, row) -> new PendingLine(
                        rs.getObject("line_id", UUID.class),
                        series,
                        rs.getObject("expected_date", LocalDate.class),
                        rs.getBigDecimal("amount"),
                        rs.getObject("first_seen_on", LocalDate.class)))
                .list();
    }
}
