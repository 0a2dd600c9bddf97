package io.bankflow.kafkaevents.correlation;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The correlation id of the current flow: one id shared by the request that started it, every event it caused and
 * every log line written on the way.
 *
 * <p>The id lives in the SLF4J MDC under {@value #MDC_KEY} (the web layer puts it there per request, {@link
 * CorrelationRecordInterceptor} per consumed record) and travels in events as {@code metadata.correlationId} and as
 * the Kafka header {@value #HEADER}.
 */
public final class Correlation {

    /** MDC key holding the current correlation id; shared with the HTTP layer and the log pattern. */
    public static final String MDC_KEY = "correlationId";

    /** Kafka header carrying the correlation id, so tools can follow a flow without decoding Avro. */
    public static final String HEADER = "bankflow-correlation-id";

    private Correlation() {}

    /** The correlation id in the MDC of the current thread, if any. */
    public static Optional<String> current() {
        String id = MDC.get(MDC_KEY);
        return id == null || id.isBlank() ? Optional.empty() : Optional.of(id);
    }

    /**
     * The current correlation id, or a new random one when this thread has none (a scheduled job, a test). The new id
     * is not put into the MDC: the caller decides whether it starts a scope with {@link #open(String)}.
     */
    public static String currentOrNew() {
        return current().orElseGet(() -> UUID.randomUUID().toString());
    }

    /**
     * Puts {@code correlationId} into the MDC until the returned scope is closed, then restores what was there before
     * (so nested scopes and pooled threads do not leak ids).
     *
     * <pre>{@code
     * try (var scope = Correlation.open(job.correlationId())) {
     *     runJob(job);
     * }
     * }</pre>
     */
    public static Scope open(@Nullable String correlationId) {
        String previous = MDC.get(MDC_KEY);
        if (correlationId == null || correlationId.isBlank()) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, correlationId);
        }
        return new Scope(previous);
    }

    /** A correlation id put into the MDC by {@link #open(String)}; closing it restores the previous one. */
    public static final class Scope implements AutoCloseable {

        private final @Nullable String previous;

        private Scope(@Nullable String previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        }
    }
}
