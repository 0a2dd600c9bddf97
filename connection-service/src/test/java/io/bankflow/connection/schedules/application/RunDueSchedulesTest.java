package io.bankflow.connection.schedules.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.bankflow.connection.accounts.application.port.out.BankAccounts;
import io.bankflow.connection.connections.application.port.out.Connections;
import io.bankflow.connection.connections.domain.BankConnection;
import io.bankflow.connection.connections.domain.ConnectionStatus;
import io.bankflow.connection.schedules.SchedulesProperties;
import io.bankflow.connection.schedules.application.port.out.QuotaUsages;
import io.bankflow.connection.schedules.application.port.out.ScheduledSyncRequests;
import io.bankflow.connection.schedules.application.port.out.SyncSchedules;
import io.bankflow.connection.schedules.domain.Frequency;
import io.bankflow.connection.schedules.domain.Recurrence;
import io.bankflow.connection.schedules.domain.SyncSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A round's decisions with the schedules and the quota in memory: what is requested, what is skipped and where each
 * schedule goes on. Locking and persistence are SchedulesIT's.
 */
class RunDueSchedulesTest {

    static final Instant NOON = Instant.parse("2026-01-15T12:00:00Z");
    static final Recurrence FOUR_A_DAY =
            new Recurrence(Frequency.TIMES_PER_DAY, LocalTime.MIDNIGHT, null, null, 4, ZoneOffset.UTC);

    final InMemorySchedules schedules = new InMemorySchedules();
    final InMemoryQuota quota = new InMemoryQuota();
    final List<UUID> requested = new ArrayList<>();
    final Connections connections = mock(Connections.class);
    final BankAccounts accounts = mock(BankAccounts.class);
    final List<UUID> failing = new ArrayList<>();
    RunDueSchedules round;

    @BeforeEach
    void setUp() {
        ScheduledSyncRequests requests = (connection, iban) -> {
            if (failing.contains(connection.id())) {
                throw new IllegalStateException("registry down");
            }
            requested.add(connection.id());
        };
        SchedulesProperties properties = new SchedulesProperties(
                new SchedulesProperties.Scheduler(false, Duration.ofSeconds(30), 10),
                Map.of(),
                new SchedulesProperties.Quota(4, ZoneOffset.UTC));
        round = new RunDueSchedules(
                schedules,
                quota,
                connections,
                accounts,
                requests,
                properties,
                new TransactionTemplate(mock(PlatformTransactionManager.class)));
        when(accounts.find(any(), any())).thenReturn(Optional.empty());
    }

    /** A connection in the status given with a schedule whose slot is due at {@code due}. */
    UUID connection(String status, Instant due) {
        UUID id = UUID.randomUUID();
        // Mocked (a record's accessors only): the lifecycle's constructors are not this test's business.
        BankConnection inStatus = mock(BankConnection.class);
        when(inStatus.id()).thenReturn(id);
        when(inStatus.orgId()).thenReturn("acme");
        when(inStatus.provider()).thenReturn("sandbox-bank");
        when(inStatus.bankAccountId()).thenReturn(UUID.randomUUID());
        when(inStatus.consentId()).thenReturn("consent-1");
        when(inStatus.status()).thenReturn(ConnectionStatus.valueOf(status));
        when(connections.find(eq("acme"), eq(id))).thenReturn(Optional.of(inStatus));
        // Due at `due` (e.g. a slot missed a minute ago, still waiting).
        SyncSchedule schedule = new SyncSchedule(id, "acme", FOUR_A_DAY, false, due, null, due.minusSeconds(3600));
        schedules.save(schedule);
        return id;
    }

    @Test
    void requestsEveryDueScheduleOnceAndMovesItToItsNextSlot() {
        UUID a = connection("ACTIVE", NOON);
        UUID b = connection("EXPIRING", NOON);
        UUID later = connection("ACTIVE", NOON.plus(Duration.ofHours(6)));

        RunDueSchedules.Round result = round.runDue(NOON);

        assertThat(result).isEqualTo(new RunDueSchedules.Round(2, 0, 0, 0));
        assertThat(requested).containsExactlyInAnyOrder(a, b);
        assertThat(schedules.get(a).nextRunAt()).isEqualTo(NOON.plus(Duration.ofHours(6)));
        assertThat(schedules.get(a).lastRunAt()).isEqualTo(NOON);
        assertThat(schedules.get(later).lastRunAt()).isNull();
        assertThat(quota.used(a, LocalDate.of(2026, 1, 15))).isEqualTo(1);
        assertThat(round.runDue(NOON)).isEqualTo(new RunDueSchedules.Round(0, 0, 0, 0));
    }

    @Test
    void skipsASlotOfAConnectionThatIsNotUsableWithoutUsingQuota() {
        UUID expired = connection("EXPIRED", NOON);

        RunDueSchedules.Round result = round.runDue(NOON);

        assertThat(result.skippedNotUsable()).isEqualTo(1);
        assertThat(requested).isEmpty();
        assertThat(quota.used(expired, LocalDate.of(2026, 1, 15))).isZero();
        assertThat(schedules.get(expired).nextRunAt()).isEqualTo(NOON.plus(Duration.ofHours(6)));
    }

    @Test
    void skipsToTheResetWhenTheQuotaIsUsedUp() {
        UUID id = connection("ACTIVE", NOON);
        for (int i = 0; i < 4; i++) {
            quota.use("acme", id, LocalDate.of(2026, 1, 15));
        }

        RunDueSchedules.Round result = round.runDue(NOON);

        assertThat(result.skippedQuota()).isEqualTo(1);
        assertThat(requested).isEmpty();
        assertThat(schedules.get(id).nextRunAt()).isEqualTo(Instant.parse("2026-01-16T00:00:00Z"));
        assertThat(quota.used(id, LocalDate.of(2026, 1, 15))).isEqualTo(4);
    }

    @Test
    void aScheduleThatFailsDoesNotHoldUpTheOthersAndStaysDueForTheNextRound() {
        UUID broken = connection("ACTIVE", NOON.minusSeconds(60)); // the oldest: taken first
        UUID fine = connection("ACTIVE", NOON);
        failing.add(broken);

        RunDueSchedules.Round result = round.runDue(NOON);

        assertThat(result).isEqualTo(new RunDueSchedules.Round(1, 0, 0, 1));
        assertThat(requested).containsExactly(fine);
        // The failed transaction rolled back in the database; here the fake saved nothing for it either.
        assertThat(schedules.get(broken).nextRunAt()).isEqualTo(NOON.minusSeconds(60));

        failing.clear();
        assertThat(round.runDue(NOON).requested()).isEqualTo(1);
        assertThat(requested).containsExactly(fine, broken);
    }

    /** Schedules in memory; "locking" hands out the oldest due one not passed over. */
    static final class InMemorySchedules implements SyncSchedules {
        private final Map<UUID, SyncSchedule> rows = new HashMap<>();

        SyncSchedule get(UUID id) {
            return rows.get(id);
        }

        @Override
        public Optional<SyncSchedule> find(String orgId, UUID connectionId) {
            return Optional.ofNullable(rows.get(connectionId));
        }

        @Override
        public Optional<SyncSchedule> lock(String orgId, UUID connectionId) {
            return find(orgId, connectionId);
        }

        @Override
        public Optional<SyncSchedule> lockNextDue(Instant now, Collection<UUID> passOver) {
            return rows.values().stream()
                    .filter(schedule -> schedule.isDue(now) && !passOver.contains(schedule.connectionId()))
                    .min(Comparator.comparing(SyncSchedule::nextRunAt));
        }

        @Override
        public void save(SyncSchedule schedule) {
            rows.put(schedule.connectionId(), schedule);
        }
    }

    static final class InMemoryQuota implements QuotaUsages {
        private final Map<String, Integer> used = new HashMap<>();

        @Override
        public int used(UUID connectionId, LocalDate day) {
            return used.getOrDefault(connectionId + "/" + day, 0);
        }

        @Override
        public void use(String orgId, UUID connectionId, LocalDate day) {
            used.merge(connectionId + "/" + day, 1, Integer::sum);
        }
    }
}
