package io.bankflow.httpapi;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Base of the exceptions a service throws to answer with a specific problem document.
 *
 * <p>The {@code detail} is sent to the client as is: write it for the API user and never put secrets, tokens or
 * personal data in it. Extension members (e.g. the id of the conflicting resource) can be added with
 * {@link #withProperty(String, Object)}.
 */
public abstract class ApiException extends ErrorResponseException {

    /**
     * @param status the HTTP status
     * @param slug the problem type slug, see {@link ProblemTypes}
     * @param title a short, stable summary of the problem type
     * @param detail what went wrong with this request, for the API user
     * @param cause the underlying exception, if any (logged, never sent)
     */
    protected ApiException(HttpStatus status, String slug, String title, String detail, @Nullable Throwable cause) {
        super(status, problem(status, slug, title, detail), cause);
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.of(slug));
        problem.setTitle(title);
        return problem;
    }

    /**
     * Adds an extension member to the problem document.
     *
     * @param name the member name (not one of the standard members)
     * @param value a JSON-serialisable value
     * @return this exception
     * @throws IllegalArgumentException for a member RFC 9457 defines (type, title, status, detail, instance): an
     *     extension must not change what they mean
     */
    public ApiException withProperty(String name, Object value) {
        if (STANDARD_MEMBERS.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is a standard problem member, not an extension");
        }
        getBody().setProperty(name, value);
        return this;
    }

    private static final java.util.Set<String> STANDARD_MEMBERS =
            java.util.Set.of("type", "title", "status", "detail", "instance");

    @Override
    public String getMessage() {
        // The default message dumps the whole ProblemDetail; the status and detail are what a log reader needs.
        return getStatusCode().value() + " " + getBody().getDetail();
    }
}
