package io.bankflow.sync.webhooks.adapter.out.persistence;

import io.bankflow.sync.webhooks.application.port.out.ProviderNotifications;
import io.bankflow.sync.webhooks.domain.ProviderNotification;
import java.util.UUID;
import org.springframework.stereotype.Repository;

/** {@link ProviderNotifications} on {@code provider_notification} through Spring Data JPA. */
@Repository
class JpaProviderNotifications implements ProviderNotifications {

    private final ProviderNotificationJpaRepository repository;

    JpaProviderNotifications(ProviderNotificationJpaRepository repository) {
        this.repository = repository;
    }

    @Override
    public boolean exists(String orgId, UUID webhookId) {
        return repository.existsByOrgIdAndWebhookId(orgId, webhookId);
    }

    @Override
    public void add(ProviderNotification notification) {
        repository.save(new ProviderNotificationEntity(
                notification.id(),
                notification.orgId(),
                notification.provider(),
                notification.webhookId(),
                notification.providerEventId(),
                notification.eventType(),
                notification.subjectRef(),
                notification.receivedAt(),
                notification.recordedAt()));
    }
}
