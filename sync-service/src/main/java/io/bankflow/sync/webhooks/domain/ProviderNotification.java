package io.bankflow.sync.webhooks.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A provider's webhook as sync-service keeps it: who sent it, what kind of event it is and what it is about. The raw
 * payload stays in webhook-ingest-service; {@link #webhookId()} leads to it.
 *
 * @param id sync-service's id of the notification
 * @param orgId the organisation the webhook's endpoint belongs to
 * @param provider the provider, e.g. {@code sandbox-bank}
 * @param webhookId webhook-ingest-service's id of the stored delivery
 * @param providerEventId the provider's id of the event
 * @param eventType the provider's event type, verbatim
 * @param subjectRef the provider's account, item or consent reference, when the webhook names one
 * @param receivedAt when webhook-ingest-service received it
 * @param recordedAt when sync-service recorded it (microseconds, what the database keeps)
 */
public record ProviderNotification(
        UUID id,
        String orgId,
        String provider,
        UUID webhookId,
        String providerEventId,
        String eventType,
        @Nullable String subjectRef,
        Instant receivedAt,
        Instant recordedAt) {

    public ProviderNotification {
        Objects.requireNonNull(id, "id");
        requireText(orgId, "orgId");
        requireText(provider, "provider");
        Objects.requireNonNull(webhookId, "webhookId");
        requireText(providerEventId, "providerEventId");
        requireText(eventType, "eventType");
        Objects.requireNonNull(receivedAt, "receivedAt");
        recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS);
        if (subjectRef != null && subjectRef.isBlank()) {
            subjectRef = null; // "no subject" has one spelling
        }
    }

    /** {@link #subjectRef()} as an optional. */
    public Optional<String> subject() {
        return Optional.ofNullable(subjectRef);
    }

    private static void requireText(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
