package io.bankflow.connection.schedules.domain;

import java.util.List;
import java.util.stream.Collectors;

/** A schedule that cannot be kept as asked, with every field that is wrong. */
public class InvalidScheduleException extends RuntimeException {

    private final List<Violation> violations;

    /** @param violations what is wrong, at least one */
    public InvalidScheduleException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /**
     * One wrong field.
     *
     * @param field the field as the API names it
     * @param message what is wrong, without echoing the value
     */
    public record Violation(String field, String message) {}
}
