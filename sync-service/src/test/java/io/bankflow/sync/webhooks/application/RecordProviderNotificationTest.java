package io.bankflow.sync.webhooks.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.sync.webhooks.application.port.out.ProviderNotifications;
import io.bankflow.sync.webhooks.domain.ProviderNotification;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
    final RecordProviderNotification recordNotification =
            new RecordProviderNotification(notifications, Clock.fixed(NOW, ZoneOffset.UTC));

    static RecordProviderNotification.Command command(String orgId, UUID webhookId) {
        return new RecordProviderNotification.Command(
                orgId,
                "sandbox-bank",
                webhookId,
                "msg_1",
                "transactions.available",
                "acc-1",
                Instant.parse("2026-11-21T10:15:30Z"));
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
}
