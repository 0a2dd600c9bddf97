package io.bankflow.sync.webhooks.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bankflow.events.common.EventMetadata;
import io.bankflow.events.webhook.WebhookReceived;
import io.bankflow.kafkaevents.consumer.NonRetryableEventException;
import io.bankflow.sync.webhooks.application.RecordProviderNotification;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookReceivedListenerTest {

    static final Instant RECEIVED = Instant.parse("2026-11-21T10:15:30.123Z");

    static WebhookReceived event(String webhookId, String subjectRef) {
        return WebhookReceived.newBuilder()
                .setMetadata(EventMetadata.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(RECEIVED)
                        .setOrgId("globex-trading")
                        .setCorrelationId("corr-1")
                        .build())
                .setWebhookId(webhookId)
                .setProvider("stripe")
                .setProviderEventId("evt_1")
                .setEventType("payout.paid")
                .setReceivedAt(RECEIVED)
                .setSubjectRef(subjectRef)
                .setPayload("{}")
                .build();
    }

    @Test
    void mapsTheEventToACommandForTheEventsOrganisation() {
        UUID webhookId = UUID.randomUUID();

        WebhookReceived event = event(webhookId.toString(), "acct_1");

        RecordProviderNotification.Command command = WebhookReceivedListener.toCommand(event);

        assertThat(command)
                .isEqualTo(new RecordProviderNotification.Command(
                        "globex-trading",
                        "stripe",
                        webhookId,
                        "evt_1",
                        "payout.paid",
                        "acct_1",
                        RECEIVED,
                        "corr-1",
                        event.getMetadata().getEventId().toString()));
    }

    @Test
    void keepsAMissingSubjectMissing() {
        assertThat(WebhookReceivedListener.toCommand(event(UUID.randomUUID().toString(), null))
                        .subjectRef())
                .isNull();
    }

    @Test
    void sendsAnEventWhoseWebhookIdIsNotAUuidStraightToTheDeadLetters() {
        assertThatThrownBy(() -> WebhookReceivedListener.toCommand(event("wh-1", null)))
                .isInstanceOf(NonRetryableEventException.class);
    }
}
