package io.bankflow.reconciliation.matching.adapter.out.kafka;

import io.bankflow.events.EventTopics;
import io.bankflow.events.common.EventMetadata;
import io.bankflow.events.common.Money;
import io.bankflow.events.reconciliation.DepositMatched;
import io.bankflow.events.reconciliation.DepositUnmatched;
import io.bankflow.events.reconciliation.MatchMethod;
import io.bankflow.events.reconciliation.UnmatchedReason;
import io.bankflow.kafkaevents.correlation.EventMetadataFactory;
import io.bankflow.kafkaevents.outbox.OutboxEvents;
import io.bankflow.reconciliation.matching.application.port.out.DepositEvents;
import io.bankflow.reconciliation.matching.domain.DepositMatch;
import io.bankflow.reconciliation.matching.domain.ReviewItem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@link DepositEvents} as {@code DepositMatched} on {@value EventTopics#DEPOSIT_MATCHED} and {@code DepositUnmatched}
 * on {@value EventTopics#DEPOSIT_UNMATCHED}, appended to the outbox in the caller's transaction and keyed by the
 * account id, so one account's deposits stay in order.
 */
@Component
class OutboxDepositEvents implements DepositEvents {

    private final OutboxEvents outbox;
    private final EventMetadataFactory metadata;

    OutboxDepositEvents(OutboxEvents outbox, EventMetadataFactory metadata) {
        this.outbox = outbox;
        this.metadata = metadata;
    }

    @Override
    public void matched(DepositMatch match, @Nullable Cause cause) {
        outbox.append(EventTopics.DEPOSIT_MATCHED, match.accountId().toString(), toAvro(match, cause));
    }

    @Override
    public void unmatched(ReviewItem item, Cause cause) {
        outbox.append(EventTopics.DEPOSIT_UNMATCHED, item.accountId().toString(), toAvro(item, cause));
    }

    DepositMatched toAvro(DepositMatch match, @Nullable Cause cause) {
        return DepositMatched.newBuilder()
                // Caused by StatementFetched: its correlation id carries over. A person's match: the request's.
                .setMetadata(cause == null ? metadata.newMetadata(match.orgId()) : metadata.causedBy(envelope(cause)))
                .setMatchId(match.id().toString())
                .setStatementLineId(match.statementLineId().toString())
                .setAccountId(match.accountId().toString())
                .setAmount(money(match.amount()))
                .setCustomerCode(match.customerCode().value())
                .setMatchMethod(
                        switch (match.method()) {
                            case CUSTOMER_CODE -> MatchMethod.CUSTOMER_CODE;
                            case MANUAL -> MatchMethod.MANUAL;
                        })
                .setExpectedPaymentId(
                        match.expectedPaymentId() == null
                                ? null
                                : match.expectedPaymentId().toString())
                .setBookingDate(match.bookingDate())
                .build();
    }

    DepositUnmatched toAvro(ReviewItem item, Cause cause) {
        return DepositUnmatched.newBuilder()
                .setMetadata(metadata.causedBy(envelope(cause)))
                .setStatementLineId(item.line().lineId().toString())
                .setAccountId(item.accountId().toString())
                .setAmount(money(item.line().amount()))
                .setReason(
                        switch (item.reason()) {
                            case NO_REFERENCE -> UnmatchedReason.NO_REFERENCE;
                            // The contract's general name: a reference (here a customer code) that matches nothing.
                            case UNKNOWN_CUSTOMER_CODE -> UnmatchedReason.UNKNOWN_REFERENCE;
                            case AMBIGUOUS -> UnmatchedReason.AMBIGUOUS;
                        })
                .setReviewItemId(item.id().toString())
                .build();
    }

    private static EventMetadata envelope(Cause cause) {
        return EventMetadata.newBuilder()
                .setEventId(cause.eventId())
                .setOccurredAt(cause.occurredAt())
                .setOrgId(cause.orgId())
                .setCorrelationId(cause.correlationId())
                .setCausationId(null)
                .build();
    }

    private static Money money(io.bankflow.reconciliation.expectedpayments.domain.Money money) {
        // Money keeps scale 6, exactly what the Avro decimal(24,6) needs.
        return Money.newBuilder()
                .setAmount(money.amount())
                .setCurrency(money.currency())
                .build();
    }
}
