package io.bankflow.connection.connections.domain;

import java.util.UUID;

/**
 * A connection was asked to do something its status does not allow (e.g. re-authorising an active connection, or
 * anything but reading a revoked one). The message says what was asked, the current status and what would be
 * allowed; it holds no secret.
 */
public class IllegalStateTransitionException extends RuntimeException {

    private final UUID connectionId;
    private final ConnectionStatus current;
    private final String action;

    public IllegalStateTransitionException(UUID connectionId, ConnectionStatus current, String action, String hint) {
        super("Connection " + connectionId + " is " + current + ": it cannot " + action + ". " + hint);
        this.connectionId = connectionId;
        this.current = current;
        this.action = action;
    }

    public UUID connectionId() {
        return connectionId;
    }

    public ConnectionStatus current() {
        return current;
    }

    /** What was asked, e.g. {@code be re-authorised}. */
    public String action() {
        return action;
    }
}
