package io.bankflow.kafkaevents.correlation;

import io.bankflow.events.common.EventMetadata;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds the envelope every event carries: a new event id, the moment it occurred, the tenant and the correlation
 * and causation ids.
 *
 * <p>Adapters that map a domain event to Avro use it so no service invents its own ids:
 *
 * <pre>{@code
 * var event = SyncRequested.newBuilder()
 *         .setMetadata(metadata.newMetadata(connection.orgId()))          // caused by the current request
 *         .setConnectionId(connection.id().toString())
 *         ...
 *         .build();
 * var followUp = SyncJobStarted.newBuilder()
 *         .setMetadata(metadata.causedBy(request.getMetadata()))          // caused by a consumed event
 *         ...
 * }</pre>
 */
public final class EventMetadataFactory {

    private final Clock clock;

    /** @param clock source of {@code occurredAt}; a fixed clock in tests */
    public EventMetadataFactory(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * An envelope for an event caused by the current request or job: the correlation id is the one in the MDC
     * ({@link Correlation#currentOrNew()}), or a new one when there is none; there is no causation id.
     *
     * @param orgId the organisation (tenant) the event belongs to
     */
    public EventMetadata newMetadata(String orgId) {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now())
                .setOrgId(requireText(orgId, "orgId"))
                .setCorrelationId(Correlation.currentOrNew())
                .setCausationId(null)
                .build();
    }

    /**
     * An envelope for an event caused by another event: same tenant and correlation id as the cause, causation id =
     * the cause's event id.
     */
    public EventMetadata causedBy(EventMetadata cause) {
        Objects.requireNonNull(cause, "cause");
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now())
                .setOrgId(cause.getOrgId())
                .setCorrelationId(cause.getCorrelationId())
                .setCausationId(cause.getEventId().toString())
                .build();
    }

    private Instant now() {
        // The wire type is timestamp-millis: truncate here so the record equals what consumers decode.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
