package io.bankflow.cashflow.balances.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bankflow.cashflow.balances.application.ApplyStatement;
import io.bankflow.events.common.EventMetadata;
import io.bankflow.events.common.Money;
import io.bankflow.events.sync.Balance;
import io.bankflow.events.sync.StatementFetched;
import io.bankflow.events.sync.StatementLine;
import io.bankflow.events.sync.StatementLineStatus;
import io.bankflow.kafkaevents.consumer.NonRetryableEventException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StatementFetchedListenerTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Test
    void turnsTheEventIntoACommandWithExactAmountsAndTheClosingBalance() {
        UUID lineId = UUID.randomUUID();
        StatementFetched event = event(
                UUID.randomUUID().toString(),
                line(lineId.toString(), StatementLineStatus.BOOKED, DAY, "-12.500000", "EUR"));

        ApplyStatement.Command command = StatementFetchedListener.toCommand(event);

        assertThat(command.orgId()).isEqualTo("acme-industries");
        assertThat(command.eventId()).isEqualTo(event.getMetadata().getEventId());
        assertThat(command.lines()).singleElement().satisfies(line -> {
            assertThat(line.lineId()).isEqualTo(lineId);
            assertThat(line.status()).isEqualTo(ApplyStatement.Status.BOOKED);
            assertThat(line.amount()).isEqualByComparingTo("-12.50");
            assertThat(line.currency().getCurrencyCode()).isEqualTo("EUR");
        });
        assertThat(command.closingBalance()).isNotNull();
        assertThat(command.closingBalance().balanceType()).isEqualTo("closingBooked");
    }

    @Test
    void sendsAnEventThatBreaksTheContractStraightToTheDeadLetters() {
        String line = UUID.randomUUID().toString();
        assertThatThrownBy(() -> StatementFetchedListener.toCommand(
                        event("not-a-uuid", line(line, StatementLineStatus.BOOKED, DAY, "1", "EUR"))))
                .isInstanceOf(NonRetryableEventException.class);
        assertThatThrownBy(() -> StatementFetchedListener.toCommand(
                        event(UUID.randomUUID().toString(), line(line, StatementLineStatus.BOOKED, DAY, "1", "XYZ"))))
                .isInstanceOf(NonRetryableEventException.class);
        assertThatThrownBy(() -> StatementFetchedListener.toCommand(
                        event(UUID.randomUUID().toString(), line(line, StatementLineStatus.BOOKED, null, "1", "EUR"))))
                .isInstanceOf(NonRetryableEventException.class)
                .hasMessageContaining("neither booking nor value date");
    }

    private static StatementFetched event(String accountId, StatementLine line) {
        return StatementFetched.newBuilder()
                .setMetadata(EventMetadata.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(Instant.parse("2026-03-02T10:00:00Z"))
                        .setOrgId("acme-industries")
                        .setCorrelationId("test")
                        .setCausationId(null)
                        .build())
                .setJobId(UUID.randomUUID().toString())
                .setConnectionId(UUID.randomUUID().toString())
                .setAccountId(accountId)
                .setProvider("sandbox-bank")
                .setLines(List.of(line))
                .setClosingBalance(new Balance(new Money(new BigDecimal("100.000000"), "EUR"), DAY, "closingBooked"))
                .build();
    }

    private static StatementLine line(
            String id, StatementLineStatus status, LocalDate date, String amount, String currency) {
        return StatementLine.newBuilder()
                .setLineId(id)
                .setStatus(status)
                .setBookingDate(date)
                .setValueDate(date)
                .setAmount(new Money(new BigDecimal(amount).setScale(6), currency))
                .build();
    }
}
