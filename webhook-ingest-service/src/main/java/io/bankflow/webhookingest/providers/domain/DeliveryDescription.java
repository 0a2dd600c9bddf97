package io.bankflow.webhookingest.providers.domain;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a verified delivery is about, in the provider's terms.
 *
 * @param providerEventId the provider's id of the event; retries carry the same one (the deduplication key)
 * @param eventType the provider's event type, verbatim, or {@value #UNKNOWN_TYPE} when the delivery names none
 * @param subjectRef the provider's reference to the account, item or consent the event is about, when it has one
 * @param retainedHeaders the headers worth storing with the delivery (never signatures), names lower-case
 */
public record DeliveryDescription(
        String providerEventId, String eventType, @Nullable String subjectRef, Map<String, String> retainedHeaders) {

    /** The event type of a delivery that does not say what it is. */
    public static final String UNKNOWN_TYPE = "unknown";

    /** Longest provider event id stored (column size). */
    public static final int MAX_EVENT_ID_LENGTH = 255;
    /** Longest event type stored (column size). */
    public static final int MAX_EVENT_TYPE_LENGTH = 128;
    /** Longest subject reference stored (column size). */
    public static final int MAX_SUBJECT_REF_LENGTH = 255;

    public DeliveryDescription {
        Objects.requireNonNull(providerEventId, "providerEventId");
        Objects.requireNonNull(eventType, "eventType");
        retainedHeaders = Map.copyOf(retainedHeaders);
    }

    /** {@link #subjectRef()} as an optional. */
    public Optional<String> subject() {
        return Optional.ofNullable(subjectRef);
    }

    /** The Kafka key of the event: the subject when there is one (its events stay in order), else the event id. */
    public String orderingKey() {
        return subjectRef != null ? subjectRef : providerEventId;
    }
}
