package io.bankflow.webhookingest.receiving.adapter.out.kafka;

import io.bankflow.events.EventTopics;
import io.bankflow.events.webhook.WebhookReceived;
import io.bankflow.kafkaevents.correlation.EventMetadataFactory;
import io.bankflow.kafkaevents.outbox.OutboxEvents;
import io.bankflow.webhookingest.receiving.application.port.out.WebhookEvents;
import io.bankflow.webhookingest.receiving.domain.ReceivedWebhook;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/**
 * {@link WebhookEvents} as {@code WebhookReceived} on {@value EventTopics#WEBHOOK_RECEIVED}, appended to the outbox in
 * the caller's transaction. Keyed by the subject (account or consent) when the delivery names one, so events about it
 * stay in order; otherwise by the provider's event id.
 */
@Component
class OutboxWebhookEvents implements WebhookEvents {

    private final OutboxEvents outbox;
    private final EventMetadataFactory metadata;

    OutboxWebhookEvents(OutboxEvents outbox, EventMetadataFactory metadata) {
        this.outbox = outbox;
        this.metadata = metadata;
    }

    @Override
    public void received(ReceivedWebhook webhook) {
        outbox.append(EventTopics.WEBHOOK_RECEIVED, webhook.description().orderingKey(), toAvro(webhook));
    }

    WebhookReceived toAvro(ReceivedWebhook webhook) {
        return WebhookReceived.newBuilder()
                // The endpoint's organisation (ADR 0002); correlation id = the request id of the delivery.
                .setMetadata(metadata.newMetadata(webhook.orgId()))
                .setWebhookId(webhook.id().toString())
                .setProvider(webhook.provider().wireName())
                .setProviderEventId(webhook.description().providerEventId())
                .setEventType(webhook.description().eventType())
                // timestamp-millis on the wire: truncated here so the record equals what consumers decode.
                .setReceivedAt(webhook.receivedAt().truncatedTo(ChronoUnit.MILLIS))
                .setSubjectRef(webhook.description().subjectRef())
                // Valid UTF-8: the payload parser refused anything else before the delivery was stored.
                .setPayload(new String(webhook.payload(), StandardCharsets.UTF_8))
                .build();
    }
}
