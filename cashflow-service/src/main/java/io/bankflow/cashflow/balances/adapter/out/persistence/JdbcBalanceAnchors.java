package io.bankflow.cashflow.balances.adapter.out.persistence;

import io.bankflow.cashflow.balances.application.port.out.BalanceAnchors;
import io.bankflow.cashflow.balances.domain.Amounts;
import io.bankflow.cashflow.balances.domain.BalanceAnchor;
import io.bankflow.cashflow.balances.domain.SeriesKey;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link BalanceAnchors} on {@code balance_anchor}: the latest report of a date replaces the earlier one. */
@Repository
class JdbcBalanceAnchors implements BalanceAnchors {

    private final JdbcClient jdbc;

    JdbcBalanceAnchors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(SeriesKey series, BalanceAnchor anchor, String balanceType, UUID eventId) {
        jdbc.sql("""
                INSERT INTO balance_anchor (org_id, account_id, currency, balance_date, amount, balance_type, event_id)
                VALUES (:orgId, :accountId, :currency, :date, :amount, :balanceType, :eventId)
                ON CONFLICT (org_id, account_id, currency, balance_date) DO UPDATE
                SET amount = excluded.amount, balance_type = excluded.balance_type, event_id = excluded.event_id,
                    recorded_at = now()
                """)
                .param("orgId", series.orgId())
                .param("accountId", series.accountId())
                .param("currency", series.currency().getCurrencyCode())
                .param("date", anchor.date())
                .param("amount", anchor.amount())
                .param("balanceType", balanceType.length() > 64 ? balanceType.substring(0, 64) : balanceType)
                .param("eventId", eventId)
                .update();
    }

    @Override
    public Optional<BalanceAnchor> latest(SeriesKey series) {
        return jdbc.sql("""
                        SELECT balance_date, amount FROM balance_anchor
                        WHERE org_id = :orgId AND account_id = :accountId AND currency = :currency
                        ORDER BY balance_date DESC LIMIT 1
                        """)
                .param("orgId", series.orgId())
                .param("accountId", series.accountId())
                .param("currency", series.currency().getCurrencyCode())
                .query((rs, row) -> new BalanceAnchor(
                        rs.getObject("balance_date", LocalDate.class),
                        Amounts.normalize(rs.getBigDecimal("amount"), series.currency())))
                .optional();
    }

    @Override
    public Optional<LocalDate> firstDate(SeriesKey series) {
        return jdbc.sql("""
                        SELECT balance_date FROM balance_anchor
                        WHERE org_id = :orgId AND account_id = :accountId AND currency = :currency
                        ORDER BY balance_date LIMIT 1
                        """)
                .param("orgId", series.orgId())
                .param("accountId", series.accountId())
                .param("currency", series.currency().getCurrencyCode())
                .query(LocalDate.class)
                .optional();
    }
}
