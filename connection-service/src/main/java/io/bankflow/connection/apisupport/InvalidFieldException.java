package io.bankflow.connection.apisupport;

import io.bankflow.httpapi.ApiException;
import io.bankflow.httpapi.FieldViolation;
import io.bankflow.httpapi.ProblemDetailsAdvice;
import io.bankflow.httpapi.ProblemTypes;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * Body fields that passed bean validation but break a rule checked in code (a bad IBAN check digit, an unknown
 * currency): 400 {@code validation-failed} with the fields in {@code errors}, like bean validation answers.
 */
public class InvalidFieldException extends ApiException {

    /**
     * @param field the JSON path of the field
     * @param message what is wrong, without echoing the value
     */
    public InvalidFieldException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    /** @param violations every field that is wrong, each without echoing the value */
    public InvalidFieldException(List<FieldViolation> violations) {
        super(
                HttpStatus.BAD_REQUEST,
                ProblemTypes.VALIDATION_FAILED,
                "Request validation failed",
                "The request body is invalid: "
                        + violations.stream()
                                .map(v -> v.field() + " " + v.message())
                                .collect(Collectors.joining("; "))
                        + ".",
                null);
        withProperty(ProblemDetailsAdvice.ERRORS, List.copyOf(violations));
    }
}
