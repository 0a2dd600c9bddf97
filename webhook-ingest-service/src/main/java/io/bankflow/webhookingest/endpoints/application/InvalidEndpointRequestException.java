package io.bankflow.webhookingest.endpoints.application;

import io.bankflow.httpapi.ApiException;
import io.bankflow.httpapi.FieldViolation;
import io.bankflow.httpapi.ProblemDetailsAdvice;
import io.bankflow.httpapi.ProblemTypes;
import io.bankflow.webhookingest.providers.domain.Provider;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A creation request the API contract allows in shape but not in value: an unsupported provider, a secret of the
 * wrong form. Answers 400 {@code validation-failed} with the offending field, like bean validation does.
 */
public class InvalidEndpointRequestException extends ApiException {

    private InvalidEndpointRequestException(FieldViolation violation) {
        super(
                HttpStatus.BAD_REQUEST,
                ProblemTypes.VALIDATION_FAILED,
                "Validation failed",
                "Field '" + violation.field() + "' " + violation.message() + ".",
                null);
        withProperty(ProblemDetailsAdvice.ERRORS, List.of(violation));
    }

    /** The provider is not one Bankflow receives webhooks from; the problem lists those it does. */
    static InvalidEndpointRequestException unsupportedProvider() {
        List<String> supported = Provider.supportedWireNames();
        InvalidEndpointRequestException exception =
                new InvalidEndpointRequestException(new FieldViolation("provider", "must be one of " + supported));
        exception.withProperty("supportedProviders", supported);
        return exception;
    }

    /** The signing secret breaks a rule; {@code problem} never contains the secret. */
    static InvalidEndpointRequestException invalidSecret(String problem) {
        return new InvalidEndpointRequestException(new FieldViolation("signingSecret", problem));
    }
}
