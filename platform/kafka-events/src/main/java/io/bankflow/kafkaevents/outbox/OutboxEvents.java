package io.bankflow.kafkaevents.outbox;

import io.bankflow.events.EventTopics;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * The transactional outbox: the only way a Bankflow service publishes an event.
 *
 * <p>{@code append} writes the event into the {@code event_outbox} table inside the caller's database transaction, so
 * the state change and its event commit together or not at all (no dual write). After the commit a publisher sends
 * the event to Kafka: at least once (consumers deduplicate on {@code metadata.eventId}), and for one topic and key in
 * the order the events were appended. The key is the id of the aggregate whose order matters (connection id, account
 * id). Events of a rolled-back transaction are never published.
 *
 * <p>The event is serialized when it is appended, with the producer's configured value serializer (Confluent wire
 * format, schema registered in the registry), so an event the registry refuses fails the use case instead of blocking
 * the outbox later.
 *
 * <pre>{@code
 * @Transactional
 * public void activate(ConnectionId id) {
 *     Connection connection = connections.get(id).activate();
 *     connections.save(connection);
 *     outbox.append(connection.id().toString(), connectionActivatedMapper.toAvro(connection));
 * }
 * }</pre>
 */
public interface OutboxEvents {

    /**
     * Appends an event for {@code topic}, published with Kafka key {@code key}.
     *
     * @param topic the topic, {@code bankflow.<event>.v1}
     * @param key the Kafka key: the id of the aggregate whose events must stay in order
     * @param event the Avro event; its {@code metadata.correlationId} also goes into the header {@code
     *     bankflow-correlation-id}
     * @throws IllegalStateException when no transaction on the service's DataSource is active
     */
    void append(String topic, String key, SpecificRecord event);

    /**
     * Appends an event with extra Kafka headers (UTF-8 strings).
     *
     * @see #append(String, String, SpecificRecord)
     */
    void append(String topic, String key, SpecificRecord event, Map<String, String> headers);

    /**
     * Appends a Bankflow event to the topic {@link EventTopics#topicFor(SpecificRecord)} names for its type.
     *
     * @see #append(String, String, SpecificRecord)
     */
    default void append(String key, SpecificRecord event) {
        append(EventTopics.topicFor(event), key, event);
    }
}
