package io.bankflow.reconciliation.apisupport;

import io.bankflow.httpapi.ApiException;
import io.bankflow.httpapi.FieldViolation;
import io.bankflow.httpapi.ProblemDetailsAdvice;
import io.bankflow.httpapi.ProblemTypes;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A body field that passed bean validation but breaks a rule checked in code (an unknown currency, too many
 * fractional digits): 400 {@code validation-failed} with the field in {@code errors}, like bean validation answers.
 */
public class InvalidFieldException extends ApiException {

    /**
     * @param field the JSON path of the field
     * @param message what is wrong, without echoing the value
     */
    public InvalidFieldException(String field, String message) {
        super(
                HttpStatus.BAD_REQUEST,
                ProblemTypes.VALIDATION_FAILED,
                "Request validation failed",
                "The request body is invalid: " + field + " " + message + ".",
                null);
        withProperty(ProblemDetailsAdvice.ERRORS, List.of(new FieldViolation(field, message)));
    }
}
