package io.bankflow.kafkaevents.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.bankflow.kafkaevents.testapp.Events;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CorrelationRecordInterceptorTest {

    private final CorrelationRecordInterceptor interceptor = new CorrelationRecordInterceptor();

    @SuppressWarnings("unchecked")
    private final Consumer<Object, Object> consumer = mock(Consumer.class);

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void putsTheEventsCorrelationIdIntoTheMdcWhileTheListenerRuns() {
        MDC.put(Correlation.MDC_KEY, "corr-of-the-consumer-thread");
        ConsumerRecord<Object, Object> record = record(Events.syncRequested("c", "l", UUID.randomUUID(), "corr-event"));

        interceptor.intercept(record, consumer);
        assertThat(MDC.get(Correlation.MDC_KEY)).isEqualTo("corr-event");

        interceptor.afterRecord(record, consumer);
        assertThat(MDC.get(Correlation.MDC_KEY)).isEqualTo("corr-of-the-consumer-thread");
    }

    @Test
    void fallsBackToTheHeaderWhenTheValueCouldNotBeRead() {
        ConsumerRecord<Object, Object> record = record(null);
        record.headers().add(Correlation.HEADER, "corr-header".getBytes(StandardCharsets.UTF_8));

        interceptor.intercept(record, consumer);

        assertThat(MDC.get(Correlation.MDC_KEY)).isEqualTo("corr-header");
        interceptor.afterRecord(record, consumer);
        assertThat(MDC.get(Correlation.MDC_KEY)).isNull();
    }

    @Test
    void givesARecordWithoutCorrelationANewIdSoItsLogLinesGroup() {
        ConsumerRecord<Object, Object> record = record("plain value");

        interceptor.intercept(record, consumer);

        assertThat(MDC.get(Correlation.MDC_KEY)).isNotBlank();
        interceptor.afterRecord(record, consumer);
        assertThat(MDC.get(Correlation.MDC_KEY)).isNull();
    }

    private static ConsumerRecord<Object, Object> record(Object value) {
        return new ConsumerRecord<>("topic", 0, 42L, "key", value);
    }
}
