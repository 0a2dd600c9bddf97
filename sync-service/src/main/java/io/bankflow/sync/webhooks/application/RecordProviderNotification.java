package io.bankflow.sync.webhooks.application;

import io.bankflow.sync.jobs.application.RequestSync;
import io.bankflow.sync.webhooks.application.port.out.ProviderNotifications;
import io.bankflow.sync.webhooks.domain.ProviderNotification;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a provider's webhook for the organisation it belongs to and, when it says new statement data is available,
 * queues a WEBHOOK sync of the connection it names ({@link RequestSync#onProviderNotification}), in the same
 * transaction.
 */
@Service
public class RecordProviderNotification {

    private static final Logger log = LoggerFactory.getLogger(RecordProviderNotification.class);

    private final ProviderNotifications notifications;
    private final RequestSync requestSync;
    private final Clock clock;

    RecordProviderNotification(ProviderNotifications notifications, RequestSync requestSync, Clock clock) {
        this.notifications = notifications;
        this.requestSync = requestSync;
        this.clock = clock;
    }

    /**
     * Records the notification unless the same delivery was recorded already (the event consumer deduplicates by
     * event id; this holds even if one delivery were published twice under different event ids).
     *
     * @return whether it was recorded now
     */
    @Transactional
    public boolean record(Command command) {
        if (notifications.exists(command.orgId(), command.webhookId())) {
            log.info(
                    "Webhook {} of organisation {} was recorded before; ignored", command.webhookId(), command.orgId());
            return false;
        }
        ProviderNotification notification = new ProviderNotification(
                UUID.randomUUID(),
                command.orgId(),
                command.provider(),
                command.webhookId(),
                command.providerEventId(),
                command.eventType(),
                command.subjectRef(),
                command.receivedAt(),
                clock.instant());
        notifications.add(notification);
        log.info(
                "Recorded {} notification {} ({}) for organisation {}, subject {}",
                notification.provider(),
                notification.providerEventId(),
                notification.eventType(),
                notification.orgId(),
                notification.subject().orElse("(none)"));
        requestSync.onProviderNotification(
                command.orgId(),
                command.provider(),
                command.eventType(),
                command.subjectRef(),
                command.correlationId(),
                command.causationId());
        return true;
    }

    /**
     * A provider's webhook, as webhook-ingest-service announced it.
     *
     * @param orgId the organisation
     * @param provider the provider
     * @param webhookId webhook-ingest-service's id of the delivery
     * @param providerEventId the provider's event id
     * @param eventType the provider's event type
     * @param subjectRef what it is about, if known
     * @param receivedAt when it was received
     * @param correlationId the WebhookReceived event's correlation id
     * @param causationId the WebhookReceived event's id
     */
    public record Command(
            String orgId,
            String provider,
            UUID webhookId,
            String providerEventId,
            String eventType,
            @Nullable String subjectRef,
            Instant receivedAt,
            String correlationId,
            @Nullable String causationId) {

        public Command {
            Objects.requireNonNull(orgId, "orgId");
            Objects.requireNonNull(webhookId, "webhookId");
            Objects.requireNonNull(correlationId, "correlationId");
        }
    }
}
