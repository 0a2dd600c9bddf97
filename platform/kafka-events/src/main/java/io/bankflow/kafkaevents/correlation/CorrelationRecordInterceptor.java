package io.bankflow.kafkaevents.correlation;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Puts the correlation id of each consumed record into the MDC while its listener (and, on failure, the error handler
 * and dead-letter publishing) runs, so every log line of that work carries it.
 *
 * <p>The id comes from the event's {@code metadata.correlationId}, else from the {@value Correlation#HEADER} header
 * (a record that could not be deserialized still has its header), else a new one, so logs of the same delivery can be
 * grouped. Spring Boot applies a single {@code RecordInterceptor} bean to its listener container factory; a service
 * that needs another interceptor combines both with {@code CompositeRecordInterceptor}.
 */
public final class CorrelationRecordInterceptor implements RecordInterceptor<Object, Object> {

    // The container calls intercept and afterRecord on the same consumer thread, so a ThreadLocal can carry the scope.
    private final ThreadLocal<Correlation.@Nullable Scope> scope = new ThreadLocal<>();

    @Override
    public ConsumerRecord<Object, Object> intercept(
            ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        closeScope();
        scope.set(Correlation.open(correlationIdOf(record)));
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        closeScope();
    }

    /** The correlation id a record carries: envelope first, then header, else a new one. */
    static String correlationIdOf(ConsumerRecord<?, ?> record) {
        return EventEnvelopes.correlationId(record.value())
                .or(() -> header(record))
                .orElseGet(Correlation::currentOrNew);
    }

    private static Optional<String> header(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(Correlation.HEADER);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        String id = new String(header.value(), StandardCharsets.UTF_8);
        return id.isBlank() ? Optional.empty() : Optional.of(id);
    }

    private void closeScope() {
        Correlation.Scope current = scope.get();
        if (current != null) {
            scope.remove();
            current.close();
        }
    }
}
