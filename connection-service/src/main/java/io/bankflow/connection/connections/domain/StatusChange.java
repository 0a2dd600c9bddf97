package io.bankflow.connection.connections.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a connection's history: a move from one status to another, why, by whom and when. Kept for the
 * connection's whole life, also after it is revoked.
 *
 * @param connectionId the connection
 * @param orgId its organisation
 * @param from the status before; null for the creation
 * @param to the status after
 * @param reason a stable code of why, e.g. {@code consent-expired}, {@code disconnected}
 * @param detail the reason for people (never a secret)
 * @param actor who caused it: the API client, or null when the system did (an event, the expiry job)
 * @param at when
 */
public record StatusChange(
        UUID connectionId,
        String orgId,
        @Nullable ConnectionStatus from,
        ConnectionStatus to,
        String reason,
        String detail,
        @Nullable String actor,
        Instant at) {

    /** The longest detail kept. */
    public static final int MAX_DETAIL = 300;

    public StatusChange {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(at, "at");
        detail = shorten(detail, MAX_DETAIL);
        actor = actor == null ? null : shorten(actor, 200);
    }

    static String shorten(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
