package io.bankflow.cashflow.balances.adapter.in.kafka;

import io.bankflow.cashflow.balances.application.ApplyStatement;
import io.bankflow.events.EventTopics;
import io.bankflow.events.sync.Balance;
import io.bankflow.events.sync.StatementFetched;
import io.bankflow.events.sync.StatementLine;
import io.bankflow.kafkaevents.consumer.NonRetryableEventException;
import io.bankflow.kafkaevents.inbox.ProcessedEvents;
import java.util.Currency;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies every {@link StatementFetched} once (platform inbox, same transaction as the effect). An event that breaks
 * the contract (an id that is no UUID, an unknown currency, a booked line without any date) goes to the dead-letter
 * topic at once: retrying cannot fix it.
 */
@Component
class StatementFetchedListener {

    static final String CONSUMER = "cashflow-statement-fetched";

    private final ProcessedEvents processedEvents;
    private final ApplyStatement applyStatement;

    StatementFetchedListener(ProcessedEvents processedEvents, ApplyStatement applyStatement) {
        this.processedEvents = processedEvents;
        this.applyStatement = applyStatement;
    }

    @KafkaListener(id = CONSUMER, topics = EventTopics.STATEMENT_FETCHED, groupId = "${spring.kafka.consumer.group-id}")
    void on(ConsumerRecord<String, StatementFetched> record) {
        ApplyStatement.Command command = toCommand(record.value());
        processedEvents.runOnce(CONSUMER, record, () -> applyStatement.apply(command));
    }

    static ApplyStatement.Command toCommand(StatementFetched event) {
        try {
            return new ApplyStatement.Command(
                    event.getMetadata().getOrgId(),
                    UUID.fromString(event.getAccountId()),
                    event.getMetadata().getEventId(),
                    event.getLines().stream()
                            .map(StatementFetchedListener::toLine)
                            .toList(),
                    toClosingBalance(event.getClosingBalance()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NonRetryableEventException(
                    "StatementFetched " + event.getMetadata().getEventId() + " breaks the contract: " + e.getMessage(),
                    e);
        }
    }

    private static ApplyStatement.Line toLine(StatementLine line) {
        return new ApplyStatement.Line(
                UUID.fromString(line.getLineId()),
                switch (line.getStatus()) {
                    case BOOKED -> ApplyStatement.Status.BOOKED;
                    case PENDING -> ApplyStatement.Status.PENDING;
                },
                line.getBookingDate(),
                line.getValueDate(),
                line.getAmount().getAmount(),
                Currency.getInstance(line.getAmount().getCurrency()),
                line.getSupersedesLineId() == null ? null : UUID.fromString(line.getSupersedesLineId()));
    }

    private static ApplyStatement.@Nullable ClosingBalance toClosingBalance(@Nullable Balance balance) {
        if (balance == null) {
            return null;
        }
        return new ApplyStatement.ClosingBalance(
                balance.getDate(),
                balance.getAmount().getAmount(),
                Currency.getInstance(balance.getAmount().getCurrency()),
                balance.getBalanceType());
    }
}
