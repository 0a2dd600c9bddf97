package io.bankflow.sync.jobs.adapter.out.kafka;

import io.bankflow.events.EventTopics;
import io.bankflow.events.common.EventMetadata;
import io.bankflow.events.common.Money;
import io.bankflow.events.sync.Balance;
import io.bankflow.events.sync.StatementFetched;
import io.bankflow.events.sync.StatementLine;
import io.bankflow.events.sync.StatementLineStatus;
import io.bankflow.events.sync.SyncJobCompleted;
import io.bankflow.events.sync.SyncJobFailed;
import io.bankflow.events.sync.SyncJobStarted;
import io.bankflow.kafkaevents.outbox.OutboxEvents;
import io.bankflow.sync.jobs.application.port.out.SyncEvents;
import io.bankflow.sync.jobs.domain.SyncFailure;
import io.bankflow.sync.jobs.domain.SyncJob;
import io.bankflow.sync.jobs.domain.SyncWindow;
import io.bankflow.sync.statements.domain.AccountBalance;
import io.bankflow.sync.statements.domain.LineStatus;
import io.bankflow.sync.statements.domain.StoredStatementLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@link SyncEvents} as Avro records in the outbox. Job events are keyed by connection id, StatementFetched by account
 * id (the order per account holds for its consumers). Every event carries the job's correlation id and, when an event
 * caused the job, that event as its cause.
 */
@Component
class OutboxSyncEvents implements SyncEvents {

    /**
     * Lines per StatementFetched: keeps a record far below Kafka's 1 MB default message size (a line is well under 1
     * KB) however much history a first sync brings. The closing balance travels with the last chunk.
     */
    static final int LINES_PER_EVENT = 500;

    private static final int MONEY_SCALE = 6;

    private final OutboxEvents outbox;
    private final Clock clock;

    OutboxSyncEvents(OutboxEvents outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void started(SyncJob job, SyncWindow window) {
        outbox.append(
                EventTopics.SYNC_JOB_STARTED,
                job.connectionId().toString(),
                SyncJobStarted.newBuilder()
                        .setMetadata(metadata(job))
                        .setJobId(job.id().toString())
                        .setConnectionId(job.connectionId().toString())
                        .setStartedAt(millis(Objects.requireNonNullElse(job.startedAt(), clock.instant())))
                        .setDateFrom(window.from())
                        .setDateTo(window.to())
                        .build());
    }

    @Override
    public void statementFetched(
            SyncJob job, List<StoredStatementLine> lines, @Nullable AccountBalance closingBalance) {
        int chunks = Math.max(1, (lines.size() + LINES_PER_EVENT - 1) / LINES_PER_EVENT);
        for (int chunk = 0; chunk < chunks; chunk++) {
            List<StoredStatementLine> part =
                    lines.subList(chunk * LINES_PER_EVENT, Math.min(lines.size(), (chunk + 1) * LINES_PER_EVENT));
            boolean last = chunk == chunks - 1;
            outbox.append(
                    EventTopics.STATEMENT_FETCHED,
                    job.accountId().toString(),
                    StatementFetched.newBuilder()
                            .setMetadata(metadata(job))
                            .setJobId(job.id().toString())
                            .setConnectionId(job.connectionId().toString())
                            .setAccountId(job.accountId().toString())
                            .setProvider(job.provider())
                            .setLines(part.stream().map(OutboxSyncEvents::line).toList())
                            .setClosingBalance(last && closingBalance != null ? balance(closingBalance) : null)
                            .build());
        }
    }

    @Override
    public void completed(SyncJob job) {
        outbox.append(
                EventTopics.SYNC_JOB_COMPLETED,
                job.connectionId().toString(),
                SyncJobCompleted.newBuilder()
                        .setMetadata(metadata(job))
                        .setJobId(job.id().toString())
                        .setConnectionId(job.connectionId().toString())
                        .setFetchedCount(job.counts().fetched())
                        .setNewCount(job.counts().newLines())
                        .setDuplicateCount(job.counts().duplicates())
                        .setErrorCount(job.counts().errors())
                        .setStartedAt(millis(Objects.requireNonNullElse(job.startedAt(), job.requestedAt())))
                        .setCompletedAt(millis(Objects.requireNonNullElse(job.finishedAt(), clock.instant())))
                        .build());
    }

    @Override
    public void failed(SyncJob job) {
        SyncFailure failure = Objects.requireNonNull(job.failure(), "a failed job has a failure");
        outbox.append(
                EventTopics.SYNC_JOB_FAILED,
                job.connectionId().toString(),
                SyncJobFailed.newBuilder()
                        .setMetadata(metadata(job))
                        .setJobId(job.id().toString())
                        .setConnectionId(job.connectionId().toString())
                        .setErrorCode(failure.code())
                        .setErrorMessage(failure.message())
                        .setRetryable(failure.retryable())
                        .setFailedAt(millis(Objects.requireNonNullElse(job.finishedAt(), clock.instant())))
                        .build());
    }

    private EventMetadata metadata(SyncJob job) {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(millis(clock.instant()))
                .setOrgId(job.orgId())
                .setCorrelationId(job.correlationId())
                .setCausationId(job.causationId())
                .build();
    }

    private static StatementLine line(StoredStatementLine stored) {
        var line = stored.line();
        return StatementLine.newBuilder()
                .setLineId(stored.lineId().toString())
                .setProviderTransactionId(line.providerTransactionId())
                .setEntryReference(line.entryReference())
                .setStatus(
                        line.status() == LineStatus.BOOKED ? StatementLineStatus.BOOKED : StatementLineStatus.PENDING)
                .setBookingDate(line.bookingDate())
                .setValueDate(line.valueDate())
                .setAmount(money(line.amount(), line.currency()))
                .setCounterpartyName(line.counterpartyName())
                .setCounterpartyAccount(line.counterpartyAccount())
                .setRemittanceInformation(line.remittanceUnstructured())
                .setStructuredReference(line.remittanceStructured())
                .setEndToEndId(line.endToEndId())
                .setBankTransactionCode(line.bankTransactionCode())
                .setSupersedesLineId(
                        stored.supersedesLineId() == null
                                ? null
                                : stored.supersedesLineId().toString())
                .build();
    }

    private Balance balance(AccountBalance balance) {
        LocalDate date = balance.referenceDate() != null
                ? balance.referenceDate()
                : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return Balance.newBuilder()
                .setAmount(money(balance.amount(), balance.currency()))
                .setDate(date)
                .setBalanceType(balance.type())
                .build();
    }

    private static Money money(BigDecimal amount, String currency) {
        // decimal(24,6): every ISO 4217 currency fits; a provider's sub-micro precision would be refused, not rounded.
        return Money.newBuilder()
                .setAmount(amount.setScale(MONEY_SCALE, RoundingMode.UNNECESSARY))
                .setCurrency(currency)
                .build();
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
