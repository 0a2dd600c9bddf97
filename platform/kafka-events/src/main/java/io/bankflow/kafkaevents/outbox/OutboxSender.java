package io.bankflow.kafkaevents.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;

/**
 * Sends outbox rows to Kafka one at a time and waits for the acknowledgement. Sending synchronously is what lets the
 * publisher mark exactly the acknowledged rows as published and never send an event before its predecessor of the
 * same key was acknowledged.
 *
 * <p>Owns its producer: the service's producer settings with a byte-array value serializer (the payload is already
 * in wire format), {@code acks=all} and idempotence forced, and timeouts bounded by {@code send-timeout}.
 */
final class OutboxSender implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, byte[]> producerFactory;
    private final KafkaTemplate<String, byte[]> template;
    private final Duration waitLimit;

    OutboxSender(DefaultKafkaProducerFactory<String, byte[]> producerFactory, Duration sendTimeout) {
        this.producerFactory = producerFactory;
        this.template = new KafkaTemplate<>(producerFactory);
        // The publisher logs failures with the event's outbox id and retry plan; Spring's default listener would log
        // every failed attempt again, with a stack trace, at ERROR.
        this.template.setProducerListener(new ProducerListener<>() {});
        // The producer gives up by itself after max.block.ms + delivery.timeout.ms (both send-timeout); waiting a
        // little longer only guards against a producer that never completes the future.
        this.waitLimit = sendTimeout.multipliedBy(2).plusSeconds(1);
    }

    /**
     * Sends one event and returns once Kafka acknowledged it.
     *
     * @throws Exception the send's failure; {@link #isTimeout(Throwable)} tells whether the broker did not answer
     */
    void send(PendingEvent event) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), null, event.key(), event.payload());
        for (Map.Entry<String, String> header : event.headers().entrySet()) {
            record.headers()
                    .add(new RecordHeader(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8)));
        }
        try {
            template.send(record).get(waitLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof Exception cause ? cause : failed;
        }
    }

    /**
     * Whether a send failed because the broker did not answer in time (down, unreachable, or a topic whose metadata
     * never arrived) rather than because of this one record. The publisher ends its round on a timeout instead of
     * waiting the same time again for every other key.
     */
    static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void destroy() {
        producerFactory.destroy();
    }
}
