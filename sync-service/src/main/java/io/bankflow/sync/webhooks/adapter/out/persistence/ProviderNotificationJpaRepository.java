package io.bankflow.sync.webhooks.adapter.out.persistence;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProviderNotificationJpaRepository extends JpaRepository<ProviderNotificationEntity, UUID> {

    boolean existsByOrgIdAndWebhookId(String orgId, UUID webhookId);
}
