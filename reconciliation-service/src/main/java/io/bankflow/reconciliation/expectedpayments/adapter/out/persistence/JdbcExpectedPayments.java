package io.bankflow.reconciliation.expectedpayments.adapter.out.persistence;

import io.bankflow.reconciliation.expectedpayments.application.port.out.ExpectedPayments;
import io.bankflow.reconciliation.expectedpayments.domain.CustomerCode;
import io.bankflow.reconciliation.expectedpayments.domain.ExpectedPayment;
import io.bankflow.reconciliation.expectedpayments.domain.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link ExpectedPayments} on {@code expected_payment}. Plain SQL rather than JPA: the one-active-code rule is one
 * atomic {@code INSERT ... ON CONFLICT} on the partial unique index, and the pages are keyset queries.
 */
@Repository
class JdbcExpectedPayments implements ExpectedPayments {

    private static final String COLUMNS =
            "id, org_id, customer_code, customer_name, amount, currency, reference, created_at, deactivated_at";

    private final JdbcClient jdbc;

    JdbcExpectedPayments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean addIfCodeFree(ExpectedPayment payment) {
        Money amount = payment.expectedAmount();
        int inserted = jdbc.sql("""
                INSERT INTO expected_payment
                    (id, org_id, customer_code, customer_name, amount, currency, reference, status, created_at,
                     updated_at)
                VALUES (:id, :orgId, :customerCode, :customerName, :amount, :currency, :reference, 'ACTIVE',
                        :createdAt, :createdAt)
                ON CONFLICT (org_id, customer_code) WHERE status = 'ACTIVE' DO NOTHING
                """)
                .param("id", payment.id())
                .param("orgId", payment.orgId())
                .param("customerCode", payment.customerCode().value())
                .param("customerName", payment.customerName())
                .param("amount", amount == null ? null : amount.amount())
                .param("currency", amount == null ? null : amount.currency())
                .param("reference", payment.reference())
                .param("createdAt", Timestamp.from(payment.createdAt()))
                .update();
        return inserted == 1;
    }

    @Override
    public void deactivate(ExpectedPayment payment) {
        Instant at = payment.deactivatedAt();
        if (at == null) {
            throw new IllegalArgumentException("Expected payment " + payment.id() + " is active");
        }
        jdbc.sql("""
                UPDATE expected_payment
                SET status = 'INACTIVE', deactivated_at = :at, updated_at = :at, version = version + 1
                WHERE org_id = :orgId AND id = :id AND status = 'ACTIVE'
                """)
                .param("at", Timestamp.from(at))
                .param("orgId", payment.orgId())
                .param("id", payment.id())
                .update();
    }

    @Override
    public Optional<ExpectedPayment> find(String orgId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM expected_payment WHERE org_id = :orgId AND id = :id")
                .param("orgId", orgId)
                .param("id", id)
                .query(JdbcExpectedPayments::row)
                .optional();
    }

    @Override
    public Optional<ExpectedPayment> findActive(String orgId, CustomerCode code) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM expected_payment
                        WHERE org_id = :orgId AND customer_code = :code AND status = 'ACTIVE'
                        """)
                .param("orgId", orgId)
                .param("code", code.value())
                .query(JdbcExpectedPayments::row)
                .optional();
    }

    @Override
    public Map<CustomerCode, UUID> activeByCode(String orgId, Set<CustomerCode> codes) {
        Map<CustomerCode, UUID> active = new HashMap<>();
        if (codes.isEmpty()) {
            return active;
        }
        jdbc.sql("""
                SELECT customer_code, id FROM expected_payment
                WHERE org_id = :orgId AND status = 'ACTIVE' AND customer_code IN (:codes)
                """)
                .param("orgId", orgId)
                .param("codes", codes.stream().map(CustomerCode::value).toList())
                .query((rs, row) ->
                        active.put(new CustomerCode(rs.getString("customer_code")), rs.getObject("id", UUID.class)))
                .list();
        return active;
    }

    @Override
    public List<ExpectedPayment> list(String orgId, @Nullable Position after, int limit) {
        if (after == null) {
            return jdbc.sql("SELECT " + COLUMNS + """
                             FROM expected_payment WHERE org_id = :orgId
                            ORDER BY created_at DESC, id DESC LIMIT :limit
                            """)
                    .param("orgId", orgId)
                    .param("limit", limit)
                    .query(JdbcExpectedPayments::row)
                    .list();
        }
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM expected_payment
                        WHERE org_id = :orgId AND (created_at, id) < (:createdAt, :id)
                        ORDER BY created_at DESC, id DESC LIMIT :limit
                        """)
                .param("orgId", orgId)
                .param("createdAt", Timestamp.from(after.createdAt()))
                .param("id", after.id())
                .param("limit", limit)
                .query(JdbcExpectedPayments::row)
                .list();
    }

    private static ExpectedPayment row(ResultSet rs, int row) throws SQLException {
        BigDecimal amount = rs.getBigDecimal("amount");
        Timestamp deactivatedAt = rs.getTimestamp("deactivated_at");
        return new ExpectedPayment(
                rs.getObject("id", UUID.class),
                rs.getString("org_id"),
                new CustomerCode(rs.getString("customer_code")),
                rs.getString("customer_name"),
                amount == null ? null : new Money(amount, rs.getString("currency")),
                rs.getString("reference"),
                rs.getTimestamp("created_at").toInstant(),
                deactivatedAt == null ? null : deactivatedAt.toInstant());
    }
}
