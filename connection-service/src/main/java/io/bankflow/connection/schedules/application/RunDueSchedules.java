package io.bankflow.connection.schedules.application;

import io.bankflow.connection.accounts.application.port.out.BankAccounts;
import io.bankflow.connection.accounts.domain.BankAccount;
import io.bankflow.connection.accounts.domain.Iban;
import io.bankflow.connection.connections.application.port.out.Connections;
import io.bankflow.connection.connections.domain.BankConnection;
import io.bankflow.connection.schedules.SchedulesProperties;
import io.bankflow.connection.schedules.application.port.out.QuotaUsages;
import io.bankflow.connection.schedules.application.port.out.ScheduledSyncRequests;
import io.bankflow.connection.schedules.application.port.out.SyncSchedules;
import io.bankflow.connection.schedules.domain.SyncSchedule;
import io.bankflow.connection.schedules.domain.UnattendedAccessQuota;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One round of the scheduler: every schedule whose slot is due gets one SyncRequested (reason SCHEDULED), each in a
 * transaction of its own that also moves the schedule to its next slot and counts the read against the provider's
 * quota. The schedule's row stays locked for that transaction and other instances skip locked rows, so a slot is
 * requested once however many instances run rounds; the next slot is stored with the request, so a restart neither
 * repeats nor forgets one.
 *
 * <p>A due slot is skipped, without a request, when the connection is not usable (ACTIVE, or EXPIRING: its consent
 * still works; the schedule goes on with the next slot) or when the provider's quota for the day is used up (the schedule goes on with the first slot after the
 * quota's reset).
 */
@Service
public class RunDueSchedules {

    private static final Logger log = LoggerFactory.getLogger(RunDueSchedules.class);

    private final SyncSchedules schedules;
    private final QuotaUsages usages;
    private final Connections connections;
    private final BankAccounts accounts;
    private final ScheduledSyncRequests requests;
    private final SchedulesProperties properties;
    private final TransactionTemplate transaction;

    RunDueSchedules(
            SyncSchedules schedules,
            QuotaUsages usages,
            Connections connections,
            BankAccounts accounts,
            ScheduledSyncRequests requests,
            SchedulesProperties properties,
            TransactionTemplate transaction) {
        this.schedules = schedules;
        this.usages = usages;
        this.connections = connections;
        this.accounts = accounts;
        this.requests = requests;
        this.properties = properties;
        this.transaction = transaction;
    }

    /** What became of one due schedule. */
    public enum Outcome {
        /** SyncRequested written; on to the next slot. */
        REQUESTED,
        /** The connection is not ACTIVE or EXPIRING (or gone); on to the next slot. */
        SKIPPED_CONNECTION_NOT_USABLE,
        /** Today's quota is used up; on to the first slot after its reset. */
        SKIPPED_QUOTA_USED_UP
    }

    /** How many due schedules ended each way; {@code failed}: could not be handled (tried again next round). */
    public record Round(int requested, int skippedNotUsable, int skippedQuota, int failed) {}

    /**
     * Handles the schedules due at {@code now}, up to the configured batch size. A schedule whose handling fails (its
     * transaction rolls back: no request, no count, the slot stays due) is passed over for the rest of the round, so
     * it cannot hold up the others, and tried again by the next round.
     */
    public Round runDue(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        int requested = 0;
        int notUsable = 0;
        int quota = 0;
        Set<UUID> failed = new LinkedHashSet<>();
        for (int i = 0; i < properties.scheduler().batchSize(); i++) {
            AtomicReference<@Nullable UUID> taken = new AtomicReference<>();
            Optional<Outcome> outcome;
            try {
                outcome = Objects.requireNonNull(transaction.execute(status -> runNext(at, failed, taken)));
            } catch (RuntimeException e) {
                UUID connectionId = taken.get();
                if (connectionId == null) {
                    throw e; // not one schedule's problem (the database itself): the round ends
                }
                failed.add(connectionId);
                log.warn(
                        "Could not request the scheduled sync of connection {}; next round tries again",
                        connectionId,
                        e);
                continue;
            }
            if (outcome.isEmpty()) {
                break;
            }
            switch (outcome.get()) {
                case REQUESTED -> requested++;
                case SKIPPED_CONNECTION_NOT_USABLE -> notUsable++;
                case SKIPPED_QUOTA_USED_UP -> quota++;
            }
        }
        if (requested + notUsable + quota + failed.size() > 0) {
            log.info(
                    "Scheduled syncs: {} requested, {} skipped (connection not usable), {} skipped (quota used up),"
                            + " {} failed",
                    requested,
                    notUsable,
                    quota,
                    failed.size());
        }
        return new Round(requested, notUsable, quota, failed.size());
    }

    private Optional<Outcome> runNext(Instant now, Set<UUID> passOver, AtomicReference<@Nullable UUID> taken) {
        Optional<SyncSchedule> due = schedules.lockNextDue(now, passOver);
        if (due.isEmpty()) {
            return Optional.empty();
        }
        SyncSchedule schedule = due.get();
        taken.set(schedule.connectionId());
        @Nullable
        BankConnection connection =
                connections.find(schedule.orgId(), schedule.connectionId()).orElse(null);
        if (connection == null || !connection.status().isUsable()) {
            schedules.save(schedule.skip(now));
            log.info(
                    "Skipped the scheduled sync of connection {}: it is {}",
                    schedule.connectionId(),
                    connection == null ? "gone" : connection.status());
            return Optional.of(Outcome.SKIPPED_CONNECTION_NOT_USABLE);
        }
        UnattendedAccessQuota quota = properties.quotaFor(connection.provider());
        LocalDate day = quota.day(now);
        int used = usages.used(connection.id(), day);
        if (!quota.allowsAnother(used)) {
            SyncSchedule skipped = schedule.skipTo(quota.resetsAt(now), now);
            schedules.save(skipped);
            log.warn(
                    "Skipped the scheduled sync of connection {}: {} of {} unattended reads used on {}; next at {}",
                    connection.id(),
                    used,
                    quota.perDay(),
                    day,
                    skipped.nextRunAt());
            return Optional.of(Outcome.SKIPPED_QUOTA_USED_UP);
        }
        usages.use(connection.orgId(), connection.id(), day);
        @Nullable
        Iban iban = accounts.find(connection.orgId(), connection.bankAccountId())
                .map(BankAccount::iban)
                .orElse(null);
        requests.requested(connection, iban);
        schedules.save(schedule.ran(now));
        return Optional.of(Outcome.REQUESTED);
    }
}
