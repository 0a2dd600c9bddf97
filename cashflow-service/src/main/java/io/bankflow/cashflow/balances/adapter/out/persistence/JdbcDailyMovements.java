package io.bankflow.cashflow.balances.adapter.out.persistence;

import io.bankflow.cashflow.balances.application.port.out.DailyMovements;
import io.bankflow.cashflow.balances.domain.Amounts;
import io.bankflow.cashflow.balances.domain.DailyMovement;
import io.bankflow.cashflow.balances.domain.DateRange;
import io.bankflow.cashflow.balances.domain.MovementDelta;
import io.bankflow.cashflow.balances.domain.Movements;
import io.bankflow.cashflow.balances.domain.SeriesKey;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link DailyMovements} on {@code daily_movement}: one upsert per changed day, adding to the totals. */
@Repository
class JdbcDailyMovements implements DailyMovements {

    private final JdbcClient jdbc;

    JdbcDailyMovements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(SeriesKey series, LocalDate date, MovementDelta delta) {
        jdbc.sql("""
                INSERT INTO daily_movement (org_id, account_id, currency, booking_date, inflow, outflow, line_count)
                VALUES (:orgId, :accountId, :currency, :date, :inflow, :outflow, :lines)
                ON CONFLICT (org_id, account_id, currency, booking_date) DO UPDATE
                SET inflow = daily_movement.inflow + excluded.inflow,
                    outflow = daily_movement.outflow + excluded.outflow,
                    line_count = daily_movement.line_count + excluded.line_count
                """)
                .param("orgId", series.orgId())
                .param("accountId", series.accountId())
                .param("currency", series.currency().getCurrencyCode())
                .param("date", date)
                .param("inflow", delta.inflow())
                .param("outflow", delta.outflow())
                .param("lines", delta.lines())
                .update();
    }

    @Override
    public Movements between(SeriesKey series, DateRange range) {
        Currency currency = series.currency();
        return Movements.of(
                currency,
                jdbc.sql("""
                                SELECT booking_date, inflow, outflow FROM daily_movement
                                WHERE org_id = :orgId AND account_id = :accountId AND currency = :currency
                                  AND booking_date BETWEEN :first AND :last
                                ORDER BY booking_date
                                """)
                        .param("orgId", series.orgId())
                        .param("accountId", series.accountId())
                        .param("currency", currency.getCurrencyCode())
                        .param("first", range.first())
                        .param("last", range.last())
                        .query((rs, row) -> new DailyMovement(
                                rs.getObject("booking_date", LocalDate.class),
                                Amounts.normalize(rs.getBigDecimal("inflow"), currency),
                                Amounts.normalize(rs.getBigDecimal("outflow"), currency)))
                        .list());
    }

    @Override
    public Optional<LocalDate> firstDate(SeriesKey series) {
        return jdbc.sql("""
                        SELECT booking_date FROM daily_movement
                        WHERE org_id = :orgId AND account_id = :accountId AND currency = :currency
                          AND line_count > 0
                        ORDER BY booking_date LIMIT 1
                        """)
                .param("orgId", series.orgId())
                .param("accountId", series.accountId())
                .param("currency", series.currency().getCurrencyCode())
                .query(LocalDate.class)
                .optional();
    }
}
