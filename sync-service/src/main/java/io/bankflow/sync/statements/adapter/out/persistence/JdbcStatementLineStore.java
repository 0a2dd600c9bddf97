package io.bankflow.sync.statements.adapter.out.persistence;

import io.bankflow.sync.statements.application.port.out.StatementLineStore;
import io.bankflow.sync.statements.domain.LineStatus;
import io.bankflow.sync.statements.domain.StatementLine;
import io.bankflow.sync.statements.domain.StoredStatementLine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link StatementLineStore} on the {@code statement_line} table. */
@Repository
class JdbcStatementLineStore implements StatementLineStore {

    private static final String INSERT = """
            insert into statement_line (
                id, org_id, account_id, sync_job_id, account_ref, provider_transaction_id, entry_reference, dedup_key,
                status, booking_date, value_date, amount, currency, counterparty_name, counterparty_account,
                remittance_information, structured_reference, end_to_end_id, bank_transaction_code,
                supersedes_line_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcStatementLineStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public void lockAccount(String orgId, UUID accountId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "statement_line:" + orgId + ":" + accountId)
                .query((rs, row) -> 1)
                .single();
    }

    @Override
    public List<StoredStatementLine> linesOf(String orgId, UUID accountId) {
        return jdbc.sql("""
                        select * from statement_line
                        where org_id = :orgId and account_id = :accountId
                        order by seq
                        """)
                .param("orgId", orgId)
                .param("accountId", accountId)
                .query((rs, row) -> map(rs))
                .list();
    }

    @Override
    public void insert(String orgId, UUID accountId, UUID jobId, List<StoredStatementLine> lines) {
        template.batchUpdate(INSERT, lines, 500, (ps, stored) -> {
            StatementLine line = stored.line();
            ps.setObject(1, stored.lineId());
            ps.setString(2, orgId);
            ps.setObject(3, accountId);
            ps.setObject(4, jobId);
            ps.setString(5, line.accountRef());
            ps.setString(6, line.providerTransactionId());
            ps.setString(7, line.entryReference());
            ps.setString(8, line.dedupKey().value());
            ps.setString(9, line.status().name());
            ps.setObject(10, line.bookingDate());
            ps.setObject(11, line.valueDate());
            ps.setBigDecimal(12, line.amount());
            ps.setString(13, line.currency());
            ps.setString(14, line.counterpartyName());
            ps.setString(15, line.counterpartyAccount());
            ps.setString(16, line.remittanceUnstructured());
            ps.setString(17, line.remittanceStructured());
            ps.setString(18, line.endToEndId());
            ps.setString(19, line.bankTransactionCode());
            ps.setObject(20, stored.supersedesLineId());
        });
    }

    @Override
    public void markSuperseded(String orgId, UUID lineId, UUID byLineId) {
        jdbc.sql("""
                        update statement_line set superseded_by_line_id = :byLineId, updated_at = now()
                        where org_id = :orgId and id = :lineId
                        """)
                .param("byLineId", byLineId)
                .param("orgId", orgId)
                .param("lineId", lineId)
                .update();
    }

    private static StoredStatementLine map(ResultSet rs) throws SQLException {
        StatementLine line = new StatementLine(
                rs.getString("account_ref"),
                rs.getString("provider_transaction_id"),
                rs.getString("entry_reference"),
                LineStatus.valueOf(rs.getString("status")),
                rs.getObject("booking_date", LocalDate.class),
                rs.getObject("value_date", LocalDate.class),
                // Unconstrained numeric keeps the scale the provider gave.
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                rs.getString("counterparty_name"),
                rs.getString("counterparty_account"),
                rs.getString("remittance_information"),
                rs.getString("structured_reference"),
                rs.getString("end_to_end_id"),
                rs.getString("bank_transaction_code"));
        return new StoredStatementLine(
                rs.getObject("id", UUID.class), line, rs.getObject("supersedes_line_id", UUID.class));
    }
}
