package io.bankflow.connection.connections.adapter.in.kafka;

import io.bankflow.events.common.EventMetadata;
import io.bankflow.kafkaevents.consumer.NonRetryableEventException;
import java.util.UUID;

/** What every listener of this feature checks of an event before acting on it. */
final class Events {

    private Events() {}

    /**
     * The event's connection id as a UUID.
     *
     * @throws NonRetryableEventException when it is not one: retrying cannot fix a broken contract (dead letter)
     */
    static UUID connectionId(String connectionId, String eventName, EventMetadata metadata) {
        try {
            return UUID.fromString(connectionId);
        } catch (IllegalArgumentException e) {
            throw new NonRetryableEventException(
                    eventName + " " + metadata.getEventId() + " has a connectionId that is not a UUID");
        }
    }
}
