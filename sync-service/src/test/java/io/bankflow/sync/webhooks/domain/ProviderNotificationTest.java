package io.bankflow.sync.webhooks.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProviderNotificationTest {

    static ProviderNotification notification(String subjectRef, String eventType) {
        return new ProviderNotification(
                UUID.randomUUID(),
                "acme-industries",
                "sandbox-bank",
                UUID.randomUUID(),
                "msg_1",
                eventType,
                subjectRef,
                Instant.parse("2026-11-21T10:15:30Z"),
                Instant.parse("2026-11-21T10:15:31.123456789Z"));
    }

    @Test
    void hasNoSubjectWhenTheWebhookNamedABlankOne() {
        assertThat(notification(" ", "transactions.available").subject()).isEmpty();
        assertThat(notification("acc-1", "transactions.available").subject()).hasValue("acc-1");
    }

    @Test
    void keepsTheRecordingTimeToTheMicrosecondLikeTheDatabase() {
        assertThat(notification("acc-1", "x").recordedAt()).isEqualTo(Instant.parse("2026-11-21T10:15:31.123456Z"));
    }

    @Test
    void needsAnEventType() {
        assertThatThrownBy(() -> notification("acc-1", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
