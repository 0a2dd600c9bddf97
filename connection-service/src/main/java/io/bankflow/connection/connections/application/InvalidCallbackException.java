package io.bankflow.connection.connections.application;

import io.bankflow.httpapi.ApiException;
import org.springframework.http.HttpStatus;

/**
 * A callback that cannot complete any authorization: no state, an unknown one, or one that expired or was used
 * already (400 {@code invalid-oauth-state}). The detail never says which, so the callback reveals nothing about the
 * states that exist.
 */
public class InvalidCallbackException extends ApiException {

    public InvalidCallbackException() {
        super(
                HttpStatus.BAD_REQUEST,
                "invalid-oauth-state",
                "Invalid or expired authorization",
                "This authorization link is unknown, expired or already used; start connecting the account again.",
                null);
    }
}
