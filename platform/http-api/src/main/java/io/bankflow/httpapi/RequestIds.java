package io.bankflow.httpapi;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The request (correlation) id that ties one client request to every log line and event it causes.
 *
 * <p>A caller may send its own id in {@value #HEADER}; it is used only when it matches {@link #isAcceptable(String)
 * a safe pattern}, because it ends up in log files and response headers (no CR/LF, no markup, bounded length).
 * Otherwise a random UUID is generated.
 */
public final class RequestIds {

    /** The header that carries the id in both directions. */
    public static final String HEADER = "X-Request-Id";

    /** The SLF4J MDC key; the services' logging pattern prints it ({@code %X{correlationId:-}}). */
    public static final String MDC_KEY = "correlationId";

    /** Request attribute holding the id, so it survives into the container's ERROR dispatch. */
    public static final String ATTRIBUTE = RequestIds.class.getName() + ".requestId";

    // Letters, digits and a few separators: covers UUIDs, ULIDs and W3C trace ids, and nothing that can break a
    // log line or a header.
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private RequestIds() {}

    /**
     * Whether a caller-supplied id may be used as is.
     *
     * @param candidate the header value, possibly {@code null}
     * @return {@code true} for 1 to 128 characters of {@code [A-Za-z0-9._:-]} starting with a letter or digit
     */
    public static boolean isAcceptable(@Nullable String candidate) {
        return candidate != null && ACCEPTABLE.matcher(candidate).matches();
    }

    /**
     * The caller's id when it is acceptable, otherwise a new one.
     *
     * @param candidate the header value, possibly {@code null}
     * @return an id that is safe to log and echo
     */
    public static String acceptOrGenerate(@Nullable String candidate) {
        return isAcceptable(candidate) ? candidate : generate();
    }

    /** A new random id. */
    public static String generate() {
        return UUID.randomUUID().toString();
    }

    /**
     * The id of the request the current thread is serving, e.g. to copy into an outgoing event's correlation id.
     *
     * @return the id, or empty outside a request
     */
    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }
}
