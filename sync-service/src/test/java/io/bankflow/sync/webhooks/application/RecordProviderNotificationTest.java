package io.bankflow.sync.webhooks.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.sync.jobs.application.RequestSync;
import io.bankflow.sync.jobs.application.port.out.SyncJobs;
import io.bankflow.sync.jobs.application.port.out.SyncTargets;
import io.bankflow.sync.jobs.domain.SyncJob;
import io.bankflow.sync.jobs.domain.SyncTarget;
import io.bankflow.sync.webhooks.application.port.out.ProviderNotifications;
import io.bankflow.sync.webhooks.domain.ProviderNotification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordProviderNotificationTest {

    static final Instant NOW = Instant.parse("2026-11-21T10:16:00Z");

    final List<ProviderNotification> stored = new ArrayList<>();
    final ProviderNotifications notifications = new ProviderNotifications() {
        @Override
        public boolean exists(String orgId, UUID webhookId) {
            return stored.stream()
                    .anyMatch(n -> n.orgId().equals(orgId) && n.webhookId().equals(webhookId));
        }

        @Override
        public void add(ProviderNotification notification) {
            stored.add(notification);
        }
    };
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    /** No connection is known: these tests are about recording; queueing syncs is covered by SyncJobsIT. */
    final RequestSync requestSync = new RequestSync(new NoJobs(), new NoTargets(), event -> {}, clock);

    final RecordProviderNotification recordNotification =
            new RecordProviderNotification(notifications, requestSync, clock);

    static RecordProviderNotification.Command command(String orgId, UUID webhookId) {
        return new RecordProviderNotification.Command(
                orgId,
                "sandbox-bank",
                webhookId,
                "msg_1",
                "transactions.available",
                "acc-1",
                Instant.parse("2026-11-21T10:15:30Z"),
                "corr-1",
                null);
    }

    @Test
    void recordsWhatTheProviderSaidForTheOrganisation() {
        UUID webhookId = UUID.randomUUID();

        assertThat(recordNotification.record(command("acme-industries", webhookId)))
                .isTrue();

        assertThat(stored).singleElement().satisfies(notification -> {
            assertThat(notification.orgId()).isEqualTo("acme-industries");
            assertThat(notification.webhookId()).isEqualTo(webhookId);
            assertThat(notification.eventType()).isEqualTo("transactions.available");
            assertThat(notification.subjectRef()).isEqualTo("acc-1");
            assertThat(notification.recordedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void recordsOneDeliveryOnceEvenIfItIsAnnouncedAgain() {
        UUID webhookId = UUID.randomUUID();

        recordNotification.record(command("acme-industries", webhookId));
        boolean again = recordNotification.record(command("acme-industries", webhookId));

        assertThat(again).isFalse();
        assertThat(stored).hasSize(1);
    }

    @Test
    void keepsOrganisationsApart() {
        UUID webhookId = UUID.randomUUID();

        recordNotification.record(command("acme-industries", webhookId));
        recordNotification.record(command("globex-trading", webhookId));

        assertThat(stored).extracting(ProviderNotification::orgId).containsExactly("acme-industries", "globex-trading");
    }

    private static final class NoTargets implements SyncTargets {
        @Override
        public Optional<SyncTarget> find(String orgId, UUID connectionId) {
            return Optional.empty();
        }

        @Override
        public Optional<SyncTarget> lock(String orgId, UUID connectionId) {
            return Optional.empty();
        }

        @Override
        public void save(SyncTarget target) {
            throw new AssertionError("not expected");
        }

        @Override
        public List<SyncTarget> findByProviderRef(String orgId, String provider, String ref) {
            return List.of();
        }
    }

    private static final class NoJobs implements SyncJobs {
        @Override
        public void add(SyncJob job, Instant notBefore) {
            throw new AssertionError("no job expected");
        }

        @Override
        public Optional<SyncJob> claimNext(Instant now, Duration lease) {
            return Optional.empty();
        }

        @Override
        public void finish(SyncJob job) {
            throw new AssertionError("not expected");
        }

        @Override
        public void requeue(SyncJob job, Instant notBefore) {
            throw new AssertionError("not expected");
        }

        @Override
        public Optional<SyncJob> find(String orgId, UUID id) {
            return Optional.empty();
        }

        @Override
        public List<SyncJob> list(String orgId, UUID connectionId, Position after, int limit) {
            return List.of();
        }

        @Override
        public boolean hasQueued(String orgId, UUID connectionId) {
            return false;
        }

        @Override
        public long countQueued() {
            return 0;
        }
    }
}
