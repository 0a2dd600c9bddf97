package io.bankflow.reconciliation.testing;

import io.bankflow.events.common.EventMetadata;
import io.bankflow.events.common.Money;
import io.bankflow.events.sync.StatementFetched;
import io.bankflow.events.sync.StatementLine;
import io.bankflow.events.sync.StatementLineStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** StatementFetched events as sync-service publishes them. */
public final class Statements {

    private Statements() {}

    public static StatementFetched statementFetched(
            String orgId, String accountId, String correlationId, List<StatementLine> lines) {
        return StatementFetched.newBuilder()
                .setMetadata(EventMetadata.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                        .setOrgId(orgId)
                        .setCorrelationId(correlationId)
                        .setCausationId(null)
                        .build())
                .setJobId(UUID.randomUUID().toString())
                .setConnectionId(UUID.randomUUID().toString())
                .setAccountId(accountId)
                .setProvider("sandbox-bank")
                .setLines(lines)
                .setClosingBalance(null)
                .build();
    }

    /** The same lines again in a new event (a new event id), as a re-fetch could publish them. */
    public static StatementFetched again(StatementFetched event) {
        return StatementFetched.newBuilder(event)
                .setMetadata(EventMetadata.newBuilder(event.getMetadata())
                        .setEventId(UUID.randomUUID())
                        .build())
                .build();
    }

    public static StatementLine booked(String amount, @Nullable String remittance) {
        return line(StatementLineStatus.BOOKED, amount, remittance);
    }

    public static StatementLine pending(String amount, @Nullable String remittance) {
        return line(StatementLineStatus.PENDING, amount, remittance);
    }

    private static StatementLine line(StatementLineStatus status, String amount, @Nullable String remittance) {
        return StatementLine.newBuilder()
                .setLineId(UUID.randomUUID().toString())
                .setProviderTransactionId("tx-" + UUID.randomUUID())
                .setStatus(status)
                .setBookingDate(status == StatementLineStatus.BOOKED ? LocalDate.of(2026, 11, 20) : null)
                .setValueDate(null)
                .setAmount(Money.newBuilder()
                        .setAmount(new BigDecimal(amount).setScale(6))
                        .setCurrency("EUR")
                        .build())
                .setCounterpartyName("Payer AS")
                .setCounterpartyAccount("NO9386011117947")
                .setRemittanceInformation(remittance)
                .build();
    }
}
