package io.bankflow.httpapi;

import org.springframework.http.HttpStatus;

/**
 * The resource does not exist, or is not visible to the caller: another tenant's object is a 404, never a 403, so
 * that its existence is not revealed. Answers 404 with type {@code not-found}.
 */
public class NotFoundException extends ApiException {

    /** @param detail what was not found, e.g. "Bank account 7c1e... was not found." */
    public NotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Resource not found", detail, null);
    }

    /**
     * A not-found problem for one resource.
     *
     * @param resource a human name for the kind of resource, e.g. "Bank account"
     * @param id its id as the caller gave it
     * @return the exception to throw
     */
    public static NotFoundException of(String resource, Object id) {
        return new NotFoundException(resource + " " + id + " was not found.");
    }
}
