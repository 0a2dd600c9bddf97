package io.bankflow.connection.schedules;

import io.bankflow.connection.accounts.domain.Iban;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bank accounts and connections written straight into the service's tables, in the state a test needs (ACTIVE,
 * EXPIRED, ...), without a bank: the schedule and challenge features only read them.
 */
public final class TestConnections {

    private final JdbcClient jdbc;

    public TestConnections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A connection and the account it feeds.
     *
     * @param iban the account's IBAN (electronic form)
     */
    public record Connection(UUID id, String orgId, UUID accountId, String consentId, Iban iban) {}

    /** A sandbox-bank connection of the organisation in the status given, with its account. */
    public Connection create(String orgId, String status) {
        UUID accountId = UUID.randomUUID();
        UUID connectionId = UUID.randomUUID();
        Iban iban =
                Iban.of("NO", Long.toString(ThreadLocalRandom.current().nextLong(10_000_000_000L, 100_000_000_000L)));
        String consentId = "consent-" + UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO bank_account (id, org_id, display_name, gl_code, currency, masked_number, iban)
                VALUES (:id, :orgId, 'Driftskonto', '1920', 'NOK', :masked, :iban)
                """)
                .param("id", accountId)
                .param("orgId", orgId)
                .param("masked", iban.masked())
                .param("iban", iban.value())
                .update();
        jdbc.sql("""
                INSERT INTO bank_connection (id, org_id, provider, environment, bank_account_id, status, consent_id,
                                             created_at, updated_at, status_changed_at)
                VALUES (:id, :orgId, 'sandbox-bank', 'sandbox', :accountId, :status, :consentId, :now, :now, :now)
                """)
                .param("id", connectionId)
                .param("orgId", orgId)
                .param("accountId", accountId)
                .param("status", status)
                .param("consentId", consentId)
                .param("now", now)
                .update();
        return new Connection(connectionId, orgId, accountId, consentId, iban);
    }

    /** Moves the connection to another status (as the lifecycle would). */
    public void setStatus(UUID connectionId, String status) {
        jdbc.sql("UPDATE bank_connection SET status = :status WHERE id = :id")
                .param("status", status)
                .param("id", connectionId)
                .update();
    }
}
