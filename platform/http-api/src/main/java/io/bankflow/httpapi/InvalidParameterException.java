package io.bankflow.httpapi;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A query or header parameter with a value this API does not accept: 400 {@code invalid-parameter}. */
public class InvalidParameterException extends ApiException {

    /**
     * @param name the parameter as the client names it
     * @param message what is wrong, without echoing the value
     */
    public InvalidParameterException(String name, String message) {
        super(
                HttpStatus.BAD_REQUEST,
                ProblemTypes.INVALID_PARAMETER,
                "Invalid request parameter",
                "Parameter '" + name + "' " + message + ".",
                null);
        withProperty(ProblemDetailsAdvice.ERRORS, List.of(new FieldViolation(name, message)));
    }
}
