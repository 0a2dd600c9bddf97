package io.bankflow.kafkaevents.testapp;

import io.bankflow.events.sync.SyncRequested;
import io.bankflow.kafkaevents.consumer.NonRetryableEventException;
import io.bankflow.kafkaevents.correlation.Correlation;
import io.bankflow.kafkaevents.inbox.ProcessedEvents;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** An idempotent listener as services write them: the effect (a row in {@code applied_event}) runs once per event. */
@Component
public class SyncRequestListener {

    public static final String TOPIC = "kafka-events-it.sync-requested";
    public static final String CONSUMER = "test-sync-requests";
    /** {@code requestedBy} of an event the listener refuses for good. */
    public static final String REJECT = "reject";

    private final ProcessedEvents processedEvents;
    private final JdbcClient jdbc;
    private final AtomicInteger failuresToInject = new AtomicInteger();

    SyncRequestListener(ProcessedEvents processedEvents, JdbcClient jdbc) {
        this.processedEvents = processedEvents;
        this.jdbc = jdbc;
    }

    /** The next {@code count} effects fail after writing, as a transient failure would. */
    public void failNextEffects(int count) {
        failuresToInject.set(count);
    }

    @KafkaListener(id = CONSUMER, topics = TOPIC, autoStartup = "${test.listener.auto-startup:true}")
    void on(ConsumerRecord<String, SyncRequested> record) {
        if (REJECT.equals(record.value().getRequestedBy())) {
            throw new NonRetryableEventException("this event breaks the contract");
        }
        processedEvents.runOnce(CONSUMER, record, () -> {
            jdbc.sql("""
                    INSERT INTO applied_event (event_id, topic, connection_id, correlation_id)
                    VALUES (:eventId, :topic, :connectionId, :correlationId)
                    """)
                    .param("eventId", record.value().getMetadata().getEventId())
                    .param("topic", record.topic())
                    .param("connectionId", record.value().getConnectionId())
                    .param("correlationId", MDC.get(Correlation.MDC_KEY))
                    .update();
            if (failuresToInject.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                throw new IllegalStateException("injected failure after the effect wrote its row");
            }
        });
    }
}
