package io.bankflow.webhookingest.receiving.domain;

import io.bankflow.webhookingest.providers.domain.DeliveryDescription;
import io.bankflow.webhookingest.providers.domain.Provider;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A verified webhook delivery, as stored: the body byte for byte (signatures are over those bytes, and audits
 * re-verify them), what it is about, and the organisation of the endpoint it arrived on.
 *
 * @param id Bankflow's id of the delivery
 * @param orgId the organisation, from the endpoint (ADR 0002)
 * @param endpointId the endpoint it arrived on
 * @param provider who sent it
 * @param description the provider's event id, type, subject and the retained headers
 * @param payload the body exactly as received, UTF-8 JSON
 * @param signedAt when the provider signed it
 * @param receivedAt when it arrived, microsecond precision (what the database keeps)
 */
public record ReceivedWebhook(
        UUID id,
        String orgId,
        UUID endpointId,
        Provider provider,
        DeliveryDescription description,
        byte[] payload,
        Instant signedAt,
        Instant receivedAt) {

    public ReceivedWebhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(signedAt, "signedAt");
        receivedAt = receivedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** The content type the provider declared, if it did. */
    public Optional<String> contentType() {
        return Optional.ofNullable(description.retainedHeaders().get("content-type"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReceivedWebhook that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        // The payload can hold personal data: never in a log line.
        return "ReceivedWebhook[id=" + id + ", orgId=" + orgId + ", provider=" + provider + ", providerEventId="
                + description.providerEventId() + ", eventType=" + description.eventType() + ", " + payload.length
                + " bytes]";
    }
}
