package io.bankflow.httpapi;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The request and response headers of idempotent creations, for the controllers that accept them. */
public final class IdempotencyKeyHeader {

    /** The client's key: the same key with the same body gets the first answer again. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** {@code true} on an answer that replays an earlier creation. */
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    // Printable ASCII without spaces: the key is logged and stored.
    private static final Pattern FORMAT = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private IdempotencyKeyHeader() {}

    /**
     * The key as sent, or null without one.
     *
     * @throws InvalidParameterException (400) when it is not 1 to 255 visible ASCII characters
     */
    public static @Nullable String checked(@Nullable String key) {
        if (key != null && !FORMAT.matcher(key).matches()) {
            throw new InvalidParameterException(IDEMPOTENCY_KEY, "must be 1 to 255 visible ASCII characters");
        }
        return key;
    }
}
