package io.bankflow.connection.apisupport;

import io.bankflow.httpapi.security.Caller;
import io.bankflow.httpapi.security.ForbiddenException;
import io.bankflow.httpapi.security.Role;

/**
 * Who may change accounts and connections: callers with the {@code finance} or {@code admin} role. Any caller of the
 * organisation may read it.
 */
public final class Writers {

    private Writers() {}

    /** @throws ForbiddenException (403) when the caller has neither role */
    public static void require(Caller caller) {
        if (!caller.hasRole(Role.FINANCE) && !caller.hasRole(Role.ADMIN)) {
            throw new ForbiddenException("This operation requires the 'finance' or 'admin' role.");
        }
    }
}
