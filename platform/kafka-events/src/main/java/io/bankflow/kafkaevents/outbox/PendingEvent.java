package io.bankflow.kafkaevents.outbox;

import java.util.Map;

/**
 * A committed, not yet published row of {@code event_outbox}, as the publisher reads it.
 *
 * @param id position in the outbox; events of one topic and key are published in ascending id order
 * @param topic the Kafka topic
 * @param key the Kafka key
 * @param payload the value exactly as it goes on the wire (Confluent format, serialized at append time)
 * @param headers Kafka headers as UTF-8 strings
 * @param attempts failed sends so far
 */
record PendingEvent(long id, String topic, String key, byte[] payload, Map<String, String> headers, int attempts) {

    /** The unit whose order the outbox keeps. */
    OrderingKey orderingKey() {
        return new OrderingKey(topic, key);
    }

    /** Events with the same topic and key are published strictly one after the other, in id order. */
    record OrderingKey(String topic, String key) {}
}
