package io.bankflow.connection.accounts.adapter.out.persistence;

import io.bankflow.connection.accounts.application.port.out.BankAccounts;
import io.bankflow.connection.accounts.domain.BankAccount;
import io.bankflow.connection.accounts.domain.GlCode;
import io.bankflow.connection.accounts.domain.Iban;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link BankAccounts} on the {@code bank_account} table; every statement is scoped by {@code org_id}. */
@Repository
class JdbcBankAccounts implements BankAccounts {

    private static final String COLUMNS =
            "id, org_id, gl_code, currency, iban, display_name, is_default, active, connection_id, created_at";

    private final JdbcClient jdbc;

    JdbcBankAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void clearDefault(String orgId, Currency currency) {
        // A transaction-scoped advisory lock per (organisation, currency): two concurrent "make me the default"
        // requests take turns instead of one of them failing on bank_account_org_default_currency_ux.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:lockKey, 0))")
                .param("lockKey", "bank-account-default:" + orgId + ":" + currency.getCurrencyCode())
                .query()
                .singleValue();
        jdbc.sql("""
                UPDATE bank_account SET is_default = false, updated_at = now(), version = version + 1
                WHERE org_id = :orgId AND currency = :currency AND is_default
                """)
                .param("orgId", orgId)
                .param("currency", currency.getCurrencyCode())
                .update();
    }

    @Override
    public boolean add(BankAccount account) {
        return jdbc.sql("""
                        INSERT INTO bank_account (id, org_id, display_name, gl_code, currency, iban, masked_number,
                                                  is_default, active, created_at, updated_at)
                        VALUES (:id, :orgId, :name, :glCode, :currency, :iban, :masked, :isDefault, :active,
                                :createdAt, :createdAt)
                        ON CONFLICT (org_id, iban) DO NOTHING
                        """)
                        .param("id", account.id())
                        .param("orgId", account.orgId())
                        .param("name", account.name())
                        .param("glCode", account.glCode().value())
                        .param("currency", account.currency().getCurrencyCode())
                        .param("iban", account.iban().value())
                        .param("masked", account.iban().masked())
                        .param("isDefault", account.isDefault())
                        .param("active", account.active())
                        .param("createdAt", Timestamp.from(account.createdAt()))
                        .update()
                == 1;
    }

    @Override
    public Optional<BankAccount> find(String orgId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bank_account WHERE org_id = :orgId AND id = :id")
                .param("orgId", orgId)
                .param("id", id)
                .query(JdbcBankAccounts::map)
                .optional();
    }

    @Override
    public Optional<BankAccount> findByIban(String orgId, Iban iban) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bank_account WHERE org_id = :orgId AND iban = :iban")
                .param("orgId", orgId)
                .param("iban", iban.value())
                .query(JdbcBankAccounts::map)
                .optional();
    }

    @Override
    public boolean setActive(String orgId, UUID id, boolean active, Instant now) {
        return jdbc.sql("""
                        UPDATE bank_account
                        SET active = :active, is_default = is_default AND :active, updated_at = :now,
                            version = version + 1
                        WHERE org_id = :orgId AND id = :id
                        """)
                        .param("active", active)
                        .param("now", Timestamp.from(now))
                        .param("orgId", orgId)
                        .param("id", id)
                        .update()
                == 1;
    }

    @Override
    public void linkConnection(String orgId, UUID id, UUID connectionId, Instant now) {
        jdbc.sql("""
                UPDATE bank_account SET connection_id = :connectionId, updated_at = :now, version = version + 1
                WHERE org_id = :orgId AND id = :id
                """)
                .param("connectionId", connectionId)
                .param("now", Timestamp.from(now))
                .param("orgId", orgId)
                .param("id", id)
                .update();
    }

    @Override
    public List<BankAccount> page(String orgId, @Nullable Position after, int limit) {
        if (after == null) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM bank_account WHERE org_id = :orgId"
                            + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                    .param("orgId", orgId)
                    .param("limit", limit)
                    .query(JdbcBankAccounts::map)
                    .list();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM bank_account WHERE org_id = :orgId"
                        + " AND (created_at, id) < (:createdAt, :id) ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("orgId", orgId)
                .param("createdAt", Timestamp.from(after.createdAt()))
                .param("id", after.id())
                .param("limit", limit)
                .query(JdbcBankAccounts::map)
                .list();
    }

    private static BankAccount map(ResultSet rs, int row) throws SQLException {
        return new BankAccount(
                rs.getObject("id", UUID.class),
                rs.getString("org_id"),
                new GlCode(rs.getString("gl_code")),
                Currency.getInstance(rs.getString("currency")),
                new Iban(rs.getString("iban")),
                rs.getString("display_name"),
                rs.getBoolean("is_default"),
                rs.getBoolean("active"),
                rs.getObject("connection_id", UUID.class),
                rs.getTimestamp("created_at").toInstant());
    }
}
