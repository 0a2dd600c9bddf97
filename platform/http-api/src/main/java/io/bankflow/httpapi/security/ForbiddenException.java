package io.bankflow.httpapi.security;

import io.bankflow.httpapi.ApiException;
import io.bankflow.httpapi.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * The caller is authenticated but may not do this, e.g. it lacks a {@link Role}. Answers 403 with type {@code
 * forbidden}.
 *
 * <p>Not for objects of another organisation: those are a {@link io.bankflow.httpapi.NotFoundException} (404), so
 * that their existence is not revealed.
 */
public class ForbiddenException extends ApiException {

    /** The extension member naming the role the operation needs. */
    public static final String REQUIRED_ROLE = "requiredRole";

    /** @param detail what the caller may not do, for the API user */
    public ForbiddenException(String detail) {
        super(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", detail, null);
    }

    static ForbiddenException missingRole(Role role) {
        ForbiddenException exception =
                new ForbiddenException("This operation requires the '" + role.claimValue() + "' role.");
        exception.withProperty(REQUIRED_ROLE, role.claimValue());
        return exception;
    }
}
