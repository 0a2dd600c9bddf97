package io.bankflow.kafkaevents.correlation;

import java.util.Optional;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads the common envelope ({@code io.bankflow.events.common.EventMetadata}) out of any Bankflow event without
 * knowing its class.
 *
 * <p>Every event carries the envelope in a field named {@value #METADATA_FIELD}. The plumbing (outbox, inbox,
 * interceptors) handles events of every type, so it reads the envelope through the Avro schema rather than through
 * generated getters. Values that are not Avro records, or records without an envelope, yield empty results.
 */
public final class EventEnvelopes {

    /** Name of the envelope field in every event schema. */
    public static final String METADATA_FIELD = "metadata";

    private EventEnvelopes() {}

    /** The envelope record of {@code event}, if it is an Avro record with a {@value #METADATA_FIELD} record field. */
    public static Optional<IndexedRecord> metadata(@Nullable Object event) {
        if (!(event instanceof IndexedRecord record)) {
            return Optional.empty();
        }
        Schema.Field field = record.getSchema().getField(METADATA_FIELD);
        if (field == null) {
            return Optional.empty();
        }
        return record.get(field.pos()) instanceof IndexedRecord metadata ? Optional.of(metadata) : Optional.empty();
    }

    /** {@code metadata.eventId} of {@code event}; empty when absent or not a UUID. */
    public static Optional<UUID> eventId(@Nullable Object event) {
        return metadata(event).map(metadata -> field(metadata, "eventId")).flatMap(EventEnvelopes::toUuid);
    }

    /** {@code metadata.correlationId} of {@code event}; empty when absent or blank. */
    public static Optional<String> correlationId(@Nullable Object event) {
        return metadata(event)
                .map(metadata -> field(metadata, "correlationId"))
                .map(Object::toString)
                .filter(id -> !id.isBlank());
    }

    /** {@code metadata.orgId} of {@code event}; empty when absent. */
    public static Optional<String> orgId(@Nullable Object event) {
        return metadata(event).map(metadata -> field(metadata, "orgId")).map(Object::toString);
    }

    private static @Nullable Object field(IndexedRecord record, String name) {
        Schema.Field field = record.getSchema().getField(name);
        return field == null ? null : record.get(field.pos());
    }

    private static Optional<UUID> toUuid(@Nullable Object value) {
        // The uuid logical type arrives as java.util.UUID with conversions on, as a CharSequence without.
        if (value instanceof UUID uuid) {
            return Optional.of(uuid);
        }
        if (value instanceof CharSequence text) {
            try {
                return Optional.of(UUID.fromString(text.toString()));
            } catch (IllegalArgumentException notAUuid) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
