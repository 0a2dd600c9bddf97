package io.bankflow.reconciliation.matching.adapter.out.persistence;

import io.bankflow.reconciliation.expectedpayments.domain.CustomerCode;
import io.bankflow.reconciliation.expectedpayments.domain.Money;
import io.bankflow.reconciliation.matching.application.port.out.DepositMatches;
import io.bankflow.reconciliation.matching.application.port.out.ReviewItems;
import io.bankflow.reconciliation.matching.domain.LineStatus;
import io.bankflow.reconciliation.matching.domain.ReviewItem;
import io.bankflow.reconciliation.matching.domain.ReviewStatus;
import io.bankflow.reconciliation.matching.domain.StatementLine;
import io.bankflow.reconciliation.matching.domain.UnmatchedReason;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link ReviewItems} on {@code review_item}. Plain SQL: "a line is queued once" is one atomic {@code INSERT ... ON
 * CONFLICT} on the unique (org_id, statement_line_id) index. Only booked credits are queued, so the stored line is
 * always {@link LineStatus#BOOKED}.
 */
@Repository
class JdbcReviewItems implements ReviewItems {

    private static final String COLUMNS = "id, org_id, statement_line_id, account_id, booking_date, amount, currency,"
            + " counterparty_name, counterparty_account, remittance_information, structured_reference, reason,"
            + " found_customer_codes, status, created_at, resolved_match_id, resolved_by, resolved_at";

    private final JdbcClient jdbc;

    JdbcReviewItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean addIfLineFree(ReviewItem item, UUID sourceEventId) {
        StatementLine line = item.line();
        return jdbc.sql("""
                        INSERT INTO review_item
                            (id, org_id, statement_line_id, account_id, booking_date, amount, currency,
                             counterparty_name, counterparty_account, remittance_information, structured_reference,
                             reason, found_customer_codes, status, source_event_id, created_at, updated_at)
                        VALUES (:id, :orgId, :lineId, :accountId, :bookingDate, :amount, :currency,
                                :counterpartyName, :counterpartyAccount, :remittance, :structuredReference,
                                :reason, :foundCodes, :status, :sourceEventId, :createdAt, :createdAt)
                        ON CONFLICT (org_id, statement_line_id) DO NOTHING
                        """)
                        .param("id", item.id())
                        .param("orgId", item.orgId())
                        .param("lineId", line.lineId())
                        .param("accountId", item.accountId())
                        .param("bookingDate", line.bookingDate() == null ? null : Date.valueOf(line.bookingDate()))
                        .param("amount", line.amount().amount())
                        .param("currency", line.amount().currency())
                        .param("counterpartyName", line.counterpartyName())
                        .param("counterpartyAccount", line.counterpartyAccount())
                        .param("remittance", line.remittanceInformation())
                        .param("structuredReference", line.structuredReference())
                        .param("reason", item.reason().name())
                        .param(
                                "foundCodes",
                                item.foundCodes().stream()
                                        .map(CustomerCode::value)
                                        .collect(Collectors.joining(",")))
                        .param("status", item.status().name())
                        .param("sourceEventId", sourceEventId)
                        .param("createdAt", Timestamp.from(item.createdAt()))
                        .update()
                == 1;
    }

    @Override
    public boolean existsForLine(String orgId, UUID statementLineId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM review_item
                                       WHERE org_id = :orgId AND statement_line_id = :lineId)
                        """)
                .param("orgId", orgId)
                .param("lineId", statementLineId)
                .query(Boolean.class)
                .single();
    }

    @Override
    public Optional<ReviewItem> find(String orgId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM review_item WHERE org_id = :orgId AND id = :id")
                .param("orgId", orgId)
                .param("id", id)
                .query(JdbcReviewItems::row)
                .optional();
    }

    @Override
    public Optional<ReviewItem> findForUpdate(String orgId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM review_item WHERE org_id = :orgId AND id = :id FOR UPDATE")
                .param("orgId", orgId)
                .param("id", id)
                .query(JdbcReviewItems::row)
                .optional();
    }

    @Override
    public void resolve(ReviewItem item) {
        jdbc.sql("""
                UPDATE review_item
                SET status = :status, resolved_match_id = :matchId, resolved_payment_id = (
                        SELECT expected_payment_id FROM deposit_match WHERE org_id = :orgId AND id = :matchId),
                    resolved_by = :by, resolved_at = :at, updated_at = :at, version = version + 1
                WHERE org_id = :orgId AND id = :id
                """)
                .param("status", item.status().name())
                .param("matchId", item.resolvedMatchId())
                .param("by", item.resolvedBy())
                .param("at", item.resolvedAt() == null ? null : Timestamp.from(item.resolvedAt()))
                .param("orgId", item.orgId())
                .param("id", item.id())
                .update();
    }

    @Override
    public List<ReviewItem> list(
            String orgId, ReviewStatus status, DepositMatches.@Nullable Position after, int limit) {
        if (after == null) {
            return jdbc.sql("SELECT " + COLUMNS + """
                             FROM review_item WHERE org_id = :orgId AND status = :status
                            ORDER BY created_at, id LIMIT :limit
                            """)
                    .param("orgId", orgId)
                    .param("status", status.name())
                    .param("limit", limit)
                    .query(JdbcReviewItems::row)
                    .list();
        }
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM review_item
                        WHERE org_id = :orgId AND status = :status AND (created_at, id) > (:createdAt, :id)
                        ORDER BY created_at, id LIMIT :limit
                        """)
                .param("orgId", orgId)
                .param("status", status.name())
                .param("createdAt", Timestamp.from(after.createdAt()))
                .param("id", after.id())
                .param("limit", limit)
                .query(JdbcReviewItems::row)
                .list();
    }

    @Override
    public long countOpen() {
        return jdbc.sql("SELECT count(*) FROM review_item WHERE status = 'OPEN'")
                .query(Long.class)
                .single();
    }

    private static ReviewItem row(ResultSet rs, int row) throws SQLException {
        Date bookingDate = rs.getDate("booking_date");
        Timestamp resolvedAt = rs.getTimestamp("resolved_at");
        String codes = rs.getString("found_customer_codes");
        SortedSet<CustomerCode> found = codes.isEmpty()
                ? new TreeSet<>()
                : Arrays.stream(codes.split(",")).map(CustomerCode::new).collect(Collectors.toCollection(TreeSet::new));
        StatementLine line = new StatementLine(
                rs.getObject("statement_line_id", UUID.class),
                LineStatus.BOOKED,
                bookingDate == null ? null : bookingDate.toLocalDate(),
                new Money(rs.getBigDecimal("amount"), rs.getString("currency")),
                rs.getString("counterparty_name"),
                rs.getString("counterparty_account"),
                rs.getString("remittance_information"),
                rs.getString("structured_reference"));
        return new ReviewItem(
                rs.getObject("id", UUID.class),
                rs.getString("org_id"),
                rs.getObject("account_id", UUID.class),
                line,
                UnmatchedReason.valueOf(rs.getString("reason")),
                found,
                ReviewStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getObject("resolved_match_id", UUID.class),
                rs.getString("resolved_by"),
                resolvedAt == null ? null : resolvedAt.toInstant());
    }
}
