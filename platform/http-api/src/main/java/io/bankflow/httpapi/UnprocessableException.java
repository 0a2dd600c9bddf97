package io.bankflow.httpapi;

import org.springframework.http.HttpStatus;

/**
 * The request is well-formed and valid against the API contract, but a business rule prevents carrying it out
 * (e.g. the consent has expired). Answers 422 with type {@code unprocessable}, or a more specific type.
 *
 * <p>Contract violations (missing or malformed fields) are 400 {@code validation-failed} instead; they are raised
 * by bean validation, not by this exception.
 */
public class UnprocessableException extends ApiException {

    /** @param detail which rule the request breaks, for the API user */
    public UnprocessableException(String detail) {
        this(ProblemTypes.UNPROCESSABLE, "Request cannot be processed", detail);
    }

    /**
     * A business-rule violation with its own problem type.
     *
     * @param slug the problem type slug, e.g. {@code consent-expired}
     * @param title a short, stable summary of that type
     * @param detail which rule the request breaks, for the API user
     */
    public UnprocessableException(String slug, String title, String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, slug, title, detail, null);
    }
}
