package io.bankflow.sync.webhooks.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;

/** A row of {@code provider_notification}; rows are written once and never updated. */
@Entity
@Table(name = "provider_notification")
class ProviderNotificationEntity implements Persistable<UUID> {

    @Id
    private UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    private String orgId;

    @Column(nullable = false, updatable = false)
    private String provider;

    @Column(name = "webhook_id", nullable = false, updatable = false)
    private UUID webhookId;

    @Column(name = "provider_event_id", nullable = false, updatable = false)
    private String providerEventId;

    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;

    @Column(name = "subject_ref", updatable = false)
    private @Nullable String subjectRef;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected ProviderNotificationEntity() {}

    ProviderNotificationEntity(
            UUID id,
            String orgId,
            String provider,
            UUID webhookId,
            String providerEventId,
            String eventType,
            @Nullable String subjectRef,
            Instant receivedAt,
            Instant recordedAt) {
        this.id = id;
        this.orgId = orgId;
        this.provider = provider;
        this.webhookId = webhookId;
        this.providerEventId = providerEventId;
        this.eventType = eventType;
        this.subjectRef = subjectRef;
        this.receivedAt = receivedAt;
        this.recordedAt = recordedAt;
    }

    @Override
    public UUID getId() {
        return id;
    }

    /** Always new: notifications are inserted once, so Spring Data persists instead of merging (no select first). */
    @Override
    public boolean isNew() {
        return true;
    }
}
