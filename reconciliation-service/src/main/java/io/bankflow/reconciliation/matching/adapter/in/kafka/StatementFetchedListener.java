package io.bankflow.reconciliation.matching.adapter.in.kafka;

import io.bankflow.events.EventTopics;
import io.bankflow.events.common.EventMetadata;
import io.bankflow.events.sync.StatementFetched;
import io.bankflow.kafkaevents.consumer.NonRetryableEventException;
import io.bankflow.kafkaevents.inbox.ProcessedEvents;
import io.bankflow.reconciliation.expectedpayments.domain.Money;
import io.bankflow.reconciliation.matching.application.MatchStatementLines;
import io.bankflow.reconciliation.matching.application.port.out.DepositEvents;
import io.bankflow.reconciliation.matching.domain.LineStatus;
import io.bankflow.reconciliation.matching.domain.StatementLine;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code StatementFetched} and matches its lines, once per event: the inbox record, the matches, the review
 * items and the outgoing events commit in one transaction ({@link ProcessedEvents#runOnce}). Mapping from Avro
 * happens here; matching is the use case's business.
 */
@Component
class StatementFetchedListener {

    /** The consumer name under which processed events are remembered; stable, renaming it reprocesses everything. */
    static final String CONSUMER = "reconciliation-statement-matching";

    private final ProcessedEvents processedEvents;
    private final MatchStatementLines matchLines;

    StatementFetchedListener(ProcessedEvents processedEvents, MatchStatementLines matchLines) {
        this.processedEvents = processedEvents;
        this.matchLines = matchLines;
    }

    @KafkaListener(
            id = CONSUMER,
            topics = EventTopics.STATEMENT_FETCHED,
            // The service's group: one instance of reconciliation-service handles each event.
            groupId = "${spring.kafka.consumer.group-id}")
    void on(ConsumerRecord<String, StatementFetched> record) {
        MatchStatementLines.Command command = toCommand(record.value());
        processedEvents.runOnce(CONSUMER, record, () -> matchLines.match(command));
    }

    static MatchStatementLines.Command toCommand(StatementFetched event) {
        EventMetadata metadata = event.getMetadata();
        DepositEvents.Cause cause = new DepositEvents.Cause(
                metadata.getEventId(), metadata.getOccurredAt(), metadata.getOrgId(), metadata.getCorrelationId());
        try {
            return new MatchStatementLines.Command(
                    cause,
                    UUID.fromString(event.getAccountId()),
                    event.getLines().stream()
                            .map(StatementFetchedListener::toLine)
                            .toList());
        } catch (IllegalArgumentException e) {
            // A broken contract (an id that is not a UUID, an unknown currency, more than 6 decimals): retrying cannot
            // fix it, so the event goes straight to the dead-letter topic.
            throw new NonRetryableEventException(
                    "StatementFetched " + metadata.getEventId() + " breaks the contract: " + e.getMessage());
        }
    }

    private static StatementLine toLine(io.bankflow.events.sync.StatementLine line) {
        return new StatementLine(
                UUID.fromString(line.getLineId()),
                switch (line.getStatus()) {
                    case BOOKED -> LineStatus.BOOKED;
                    case PENDING -> LineStatus.PENDING;
                },
                line.getBookingDate(),
                new Money(line.getAmount().getAmount(), line.getAmount().getCurrency()),
                line.getCounterpartyName(),
                line.getCounterpartyAccount(),
                line.getRemittanceInformation(),
                line.getStructuredReference());
    }
}
