package io.bankflow.connection.audit.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something done to a connection, by whom and when. Never holds a secret (no OTP, token, code or full IBAN): the
 * details are written for people reading the trail.
 *
 * @param id the entry's id
 * @param orgId the organisation
 * @param connectionId the connection it concerns
 * @param action a stable code, e.g. {@code schedule-changed}, {@code challenge-verified}
 * @param actor the API client that did it (the caller's client id), or null when the system did
 * @param details what changed, for people
 * @param occurredAt when
 */
public record AuditEntry(
        UUID id,
        String orgId,
        UUID connectionId,
        String action,
        @Nullable String actor,
        String details,
        Instant occurredAt) {

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (!action.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("action must be kebab-case: " + action);
        }
        details = details.length() > 500 ? details.substring(0, 500) : details;
    }

    /** A new entry with a fresh id. */
    public static AuditEntry of(
            String orgId, UUID connectionId, String action, @Nullable String actor, String details, Instant at) {
        return new AuditEntry(UUID.randomUUID(), orgId, connectionId, action, actor, details, at);
    }
}
