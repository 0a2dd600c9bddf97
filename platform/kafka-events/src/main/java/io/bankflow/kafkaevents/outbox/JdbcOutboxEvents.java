package io.bankflow.kafkaevents.outbox;

import io.bankflow.kafkaevents.correlation.Correlation;
import io.bankflow.kafkaevents.correlation.EventEnvelopes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** {@link OutboxEvents} on the {@code event_outbox} table of the service's own database. */
final class JdbcOutboxEvents implements OutboxEvents, DisposableBean {

    private final DataSource dataSource;
    private final OutboxStore store;
    private final Serializer<Object> valueSerializer;
    private final Runnable afterCommit;

    /**
     * @param dataSource the DataSource whose transaction an append must join
     * @param valueSerializer the producer's value serializer, configured (Confluent Avro by default)
     * @param afterCommit called after a transaction with appended events committed (wakes the publisher)
     */
    JdbcOutboxEvents(
            DataSource dataSource, OutboxStore store, Serializer<Object> valueSerializer, Runnable afterCommit) {
        this.dataSource = dataSource;
        this.store = store;
        this.valueSerializer = valueSerializer;
        this.afterCommit = afterCommit;
    }

    @Override
    public void append(String topic, String key, SpecificRecord event) {
        append(topic, key, event, Map.of());
    }

    @Override
    public void append(String topic, String key, SpecificRecord event, Map<String, String> headers) {
        requireText(topic, "topic");
        requireText(key, "key");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(headers, "headers");
        requireTransactionOnDataSource(event);

        Map<String, String> allHeaders = new LinkedHashMap<>(headers);
        EventEnvelopes.correlationId(event)
                .or(Correlation::current)
                .ifPresent(id -> allHeaders.putIfAbsent(Correlation.HEADER, id));

        // Serialized now, not at publication: a schema the registry refuses fails this use case rather than
        // blocking the key in the outbox, and the bytes sent later are exactly the ones committed here.
        byte[] payload = valueSerializer.serialize(topic, event);
        if (payload == null) {
            throw new IllegalStateException("The value serializer returned null for " + describe(event, topic));
        }
        store.insert(
                topic,
                key,
                event.getSchema().getFullName(),
                EventEnvelopes.eventId(event).orElse(null),
                payload,
                allHeaders);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                afterCommit.run();
            }
        });
    }

    private void requireTransactionOnDataSource(SpecificRecord event) {
        // The whole point of the outbox is that the event commits with the state change. Without a transaction the
        // insert would autocommit on its own, and a transaction on another resource would not include it.
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.getResource(dataSource) == null) {
            throw new IllegalStateException("OutboxEvents.append("
                    + event.getSchema().getName()
                    + ") needs an active transaction on the service's DataSource, so the event commits together with "
                    + "the state change: call it from a @Transactional use case");
        }
    }

    @Override
    public void destroy() {
        valueSerializer.close();
    }

    private static String describe(SpecificRecord event, String topic) {
        return event.getSchema().getFullName() + " on " + topic;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
