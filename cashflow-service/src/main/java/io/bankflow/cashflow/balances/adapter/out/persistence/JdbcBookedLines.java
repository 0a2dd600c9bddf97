package io.bankflow.cashflow.balances.adapter.out.persistence;

import io.bankflow.cashflow.balances.application.port.out.BookedLines;
import io.bankflow.cashflow.balances.domain.BookedLine;
import io.bankflow.cashflow.balances.domain.SeriesKey;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link BookedLines} on {@code applied_line}. Plain SQL: deduplication is one atomic {@code INSERT ... ON CONFLICT DO
 * NOTHING} on the primary key (org_id, line_id); a concurrent insert of the same line waits for the other transaction
 * and then sees its row.
 */
@Repository
class JdbcBookedLines implements BookedLines {

    private final JdbcClient jdbc;

    JdbcBookedLines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Applied apply(BookedLine line, UUID eventId) {
        int inserted = jdbc.sql("""
                INSERT INTO applied_line (org_id, line_id, account_id, currency, booking_date, amount, event_id)
                VALUES (:orgId, :lineId, :accountId, :currency, :bookingDate, :amount, :eventId)
                ON CONFLICT (org_id, line_id) DO NOTHING
                """)
                .param("orgId", line.series().orgId())
                .param("lineId", line.lineId())
                .param("accountId", line.series().accountId())
                .param("currency", line.series().currency().getCurrencyCode())
                .param("bookingDate", line.bookingDate())
                .param("amount", line.amount())
                .param("eventId", eventId)
                .update();
        if (inserted == 1) {
            return new Applied(Outcome.NEW, null);
        }
        BookedLine previous = select(line.series().orgId(), line.lineId(), true).orElseThrow();
        if (previous.sameAs(line)) {
            return new Applied(Outcome.DUPLICATE, previous);
        }
        jdbc.sql("""
                UPDATE applied_line
                SET account_id = :accountId, currency = :currency, booking_date = :bookingDate, amount = :amount,
                    event_id = :eventId, updated_at = now()
                WHERE org_id = :orgId AND line_id = :lineId
                """)
                .param("orgId", line.series().orgId())
                .param("lineId", line.lineId())
                .param("accountId", line.series().accountId())
                .param("currency", line.series().currency().getCurrencyCode())
                .param("bookingDate", line.bookingDate())
                .param("amount", line.amount())
                .param("eventId", eventId)
                .update();
        return new Applied(Outcome.CORRECTED, previous);
    }

    @Override
    public Optional<BookedLine> find(String orgId, UUID lineId) {
        return select(orgId, lineId, false);
    }

    private Optional<BookedLine> select(String orgId, UUID lineId, boolean forUpdate) {
        return jdbc.sql("""
                        SELECT account_id, currency, booking_date, amount FROM applied_line
                        WHERE org_id = :orgId AND line_id = :lineId
                        """ + (forUpdate ? " FOR UPDATE" : ""))
                .param("orgId", orgId)
                .param("lineId", lineId)
                .query((rs, row) -> new BookedLine(
                        lineId,
                        new SeriesKey(
                                orgId,
                                rs.getObject("account_id", UUID.class),
                                Currency.getInstance(rs.getString("currency"))),
                        rs.getObject("booking_date", LocalDate.class),
                        rs.getBigDecimal("amount")))
                .optional();
    }
}
