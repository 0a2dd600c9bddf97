package io.bankflow.sync.webhooks.adapter.in.kafka;

import io.bankflow.events.EventTopics;
import io.bankflow.events.webhook.WebhookReceived;
import io.bankflow.kafkaevents.consumer.NonRetryableEventException;
import io.bankflow.kafkaevents.inbox.ProcessedEvents;
import io.bankflow.sync.webhooks.application.RecordProviderNotification;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code WebhookReceived} (every provider's webhooks) and records each once as a provider notification.
 * Mapping from Avro happens here; what a notification means is the use case's business.
 */
@Component
class WebhookReceivedListener {

    /** The consumer name under which processed events are remembered; stable, renaming it reprocesses everything. */
    static final String CONSUMER = "sync-provider-notifications";

    private final ProcessedEvents processedEvents;
    private final RecordProviderNotification recordNotification;

    WebhookReceivedListener(ProcessedEvents processedEvents, RecordProviderNotification recordNotification) {
        this.processedEvents = processedEvents;
        this.recordNotification = recordNotification;
    }

    @KafkaListener(
            id = CONSUMER,
            topics = EventTopics.WEBHOOK_RECEIVED,
            // The service's group: one instance of sync-service handles each event.
            groupId = "${spring.kafka.consumer.group-id}")
    void on(ConsumerRecord<String, WebhookReceived> record) {
        RecordProviderNotification.Command command = toCommand(record.value());
        processedEvents.runOnce(CONSUMER, record, () -> recordNotification.record(command));
    }

    static RecordProviderNotification.Command toCommand(WebhookReceived event) {
        UUID webhookId;
        try {
            webhookId = UUID.fromString(event.getWebhookId());
        } catch (IllegalArgumentException e) {
            // Retrying cannot fix a broken contract: straight to the dead-letter topic.
            throw new NonRetryableEventException(
                    "WebhookReceived " + event.getMetadata().getEventId() + " has a webhookId that is not a UUID");
        }
        return new RecordProviderNotification.Command(
                event.getMetadata().getOrgId(),
                event.getProvider(),
                webhookId,
                event.getProviderEventId(),
                event.getEventType(),
                event.getSubjectRef(),
                event.getReceivedAt(),
                event.getMetadata().getCorrelationId(),
                event.getMetadata().getEventId().toString());
    }
}
