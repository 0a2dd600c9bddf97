package io.bankflow.httpapi;

import org.springframework.http.HttpStatus;

/**
 * The request conflicts with the current state of the resource, e.g. it already exists or was changed
 * concurrently. Answers 409 with type {@code conflict}, or a more specific type.
 */
public class ConflictException extends ApiException {

    /** @param detail what conflicts, for the API user */
    public ConflictException(String detail) {
        this(ProblemTypes.CONFLICT, "Conflict with the current state", detail);
    }

    /**
     * A conflict with its own problem type.
     *
     * @param slug the problem type slug, e.g. {@code connection-already-active}
     * @param title a short, stable summary of that type
     * @param detail what conflicts, for the API user
     */
    public ConflictException(String slug, String title, String detail) {
        super(HttpStatus.CONFLICT, slug, title, detail, null);
    }
}
