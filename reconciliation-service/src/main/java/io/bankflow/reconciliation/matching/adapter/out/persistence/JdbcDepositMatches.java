package io.bankflow.reconciliation.matching.adapter.out.persistence;

import io.bankflow.reconciliation.expectedpayments.domain.CustomerCode;
import io.bankflow.reconciliation.expectedpayments.domain.Money;
import io.bankflow.reconciliation.matching.application.port.out.DepositMatches;
import io.bankflow.reconciliation.matching.domain.DepositMatch;
import io.bankflow.reconciliation.matching.domain.MatchMethod;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link DepositMatches} on {@code deposit_match}. Plain SQL: "a line is matched once" is one atomic {@code INSERT ...
 * ON CONFLICT} on the unique (org_id, statement_line_id) index.
 */
@Repository
class JdbcDepositMatches implements DepositMatches {

    private static final String COLUMNS = "id, org_id, statement_line_id, account_id, amount, currency, booking_date,"
            + " customer_code, expected_payment_id, method, review_item_id, matched_by, created_at";

    private final JdbcClient jdbc;

    JdbcDepositMatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean addIfLineFree(DepositMatch match, @Nullable UUID sourceEventId) {
        return jdbc.sql("""
                        INSERT INTO deposit_match
                            (id, org_id, statement_line_id, account_id, amount, currency, booking_date, customer_code,
                             expected_payment_id, method, review_item_id, matched_by, source_event_id, created_at)
                        VALUES (:id, :orgId, :lineId, :accountId, :amount, :currency, :bookingDate, :customerCode,
                                :expectedPaymentId, :method, :reviewItemId, :matchedBy, :sourceEventId, :createdAt)
                        ON CONFLICT (org_id, statement_line_id) DO NOTHING
                        """)
                        .param("id", match.id())
                        .param("orgId", match.orgId())
                        .param("lineId", match.statementLineId())
                        .param("accountId", match.accountId())
                        .param("amount", match.amount().amount())
                        .param("currency", match.amount().currency())
                        .param("bookingDate", match.bookingDate() == null ? null : Date.valueOf(match.bookingDate()))
                        .param("customerCode", match.customerCode().value())
                        .param("expectedPaymentId", match.expectedPaymentId())
                        .param("method", match.method().name())
                        .param("reviewItemId", match.reviewItemId())
                        .param("matchedBy", match.matchedBy())
                        .param("sourceEventId", sourceEventId)
                        .param("createdAt", Timestamp.from(match.createdAt()))
                        .update()
                == 1;
    }

    @Override
    public boolean existsForLine(String orgId, UUID statementLineId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM deposit_match
                                       WHERE org_id = :orgId AND statement_line_id = :lineId)
                        """)
                .param("orgId", orgId)
                .param("lineId", statementLineId)
                .query(Boolean.class)
                .single();
    }

    @Override
    public List<DepositMatch> list(String orgId, @Nullable UUID accountId, @Nullable Position after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM deposit_match WHERE org_id = :orgId");
        if (accountId != null) {
            sql.append(" AND account_id = :accountId");
        }
        if (after != null) {
            sql.append(" AND (created_at, id) < (:createdAt, :id)");
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
        JdbcClient.StatementSpec statement =
                jdbc.sql(sql.toString()).param("orgId", orgId).param("limit", limit);
        if (accountId != null) {
            statement = statement.param("accountId", accountId);
        }
        if (after != null) {
            statement = statement
                    .param("createdAt", Timestamp.from(after.createdAt()))
                    .param("id", after.id());
        }
        return statement.query(JdbcDepositMatches::row).list();
    }

    private static DepositMatch row(ResultSet rs, int row) throws SQLException {
        Date bookingDate = rs.getDate("booking_date");
        return new DepositMatch(
                rs.getObject("id", UUID.class),
                rs.getString("org_id"),
                rs.getObject("statement_line_id", UUID.class),
                rs.getObject("account_id", UUID.class),
                new Money(rs.getBigDecimal("amount"), rs.getString("currency")),
                bookingDate == null ? null : bookingDate.toLocalDate(),
                new CustomerCode(rs.getString("customer_code")),
                rs.getObject("expected_payment_id", UUID.class),
                MatchMethod.valueOf(rs.getString("method")),
                rs.getObject("review_item_id", UUID.class),
                rs.getString("matched_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
