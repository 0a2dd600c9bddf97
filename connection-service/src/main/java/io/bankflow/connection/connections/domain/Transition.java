package io.bankflow.connection.connections.domain;

import java.util.Objects;

/**
 * The result of a legal move: the connection as it is now and the history entry that records the move. Both are
 * stored together.
 *
 * @param connection the connection after the move
 * @param change what moved, why, by whom, when
 */
public record Transition(BankConnection connection, StatusChange change) {

    public Transition {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(change, "change");
    }

    /** Whether the connection was ACTIVE again after an expiry or error (not its first activation). */
    public boolean isReactivation() {
        return change.to() == ConnectionStatus.ACTIVE
                && change.from() != null
                && change.from() != ConnectionStatus.PENDING_CONSENT;
    }
}
