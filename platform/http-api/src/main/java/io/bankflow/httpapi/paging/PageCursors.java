package io.bankflow.httpapi.paging;

import io.bankflow.httpapi.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Opaque page cursors of every list of a Bankflow API: base64url of {@code v1:<epoch micros>:<id>}, a position in a
 * list ordered by creation time and id. Clients must not build them; the version prefix lets the format change without
 * breaking cursors already handed out.
 */
public final class PageCursors {

    private static final String VERSION = "v1";

    private PageCursors() {}

    /** A position in a list: the creation time (microseconds) and id of its last item. */
    public record Position(Instant createdAt, UUID id) {}

    public static String encode(Instant createdAt, UUID id) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        String raw = VERSION + ":" + micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Where the page a {@code cursor} parameter asks for starts, as the caller's own position type; null (the first
     * page) without a cursor.
     *
     * @param position makes the store's position from the creation time and id
     * @throws InvalidParameterException (parameter {@code cursor}) when the text is not a cursor this API made
     */
    public static <P> @Nullable P after(@Nullable String cursor, BiFunction<Instant, UUID, P> position) {
        if (cursor == null) {
            return null;
        }
        Position decoded = decode(cursor);
        return position.apply(decoded.createdAt(), decoded.id());
    }

    /** @throws InvalidParameterException (parameter {@code cursor}) when the text is not a cursor this API made */
    public static Position decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            String[] parts = raw.split(":", -1);
            if (parts.length != 3 || !parts[0].equals(VERSION)) {
                throw notACursor();
            }
            Instant createdAt = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
            return new Position(createdAt, UUID.fromString(parts[2]));
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            throw notACursor();
        }
    }

    private static InvalidParameterException notACursor() {
        return new InvalidParameterException("cursor", "is not a cursor returned by this API");
    }
}
