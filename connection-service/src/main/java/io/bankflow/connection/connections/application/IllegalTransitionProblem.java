package io.bankflow.connection.connections.application;

import io.bankflow.connection.connections.domain.IllegalStateTransitionException;
import io.bankflow.httpapi.ConflictException;

/**
 * A request that would move a connection where its status does not allow: 409 {@code illegal-state-transition}, with
 * the domain's explanation as detail and the connection's current status as {@code currentStatus}.
 */
public class IllegalTransitionProblem extends ConflictException {

    public static final String SLUG = "illegal-state-transition";

    public IllegalTransitionProblem(IllegalStateTransitionException cause) {
        super(SLUG, "Illegal state transition", cause.getMessage());
        withProperty("currentStatus", cause.current().name());
    }
}
