package io.bankflow.httpapi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestCookieException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception a controller lets escape into an RFC 9457 problem document.
 *
 * <p>Every document has a {@code type} under {@value ProblemTypes#BASE}, a {@code title}, a {@code detail}, the
 * request path as {@code instance} and the {@code requestId}. Requests that break the API contract answer 400 with an
 * {@code errors} list of {@link FieldViolation}s: bean validation ({@code validation-failed}), unreadable JSON and
 * wrongly typed values ({@code malformed-request}), missing or unconvertible parameters ({@code
 * invalid-parameter}). Unknown routes answer 404, a wrong method 405, a wrong content type 415; an
 * {@link ApiException} or any other {@link org.springframework.web.ErrorResponse} (e.g. {@code
 * ResponseStatusException}) keeps its own status, type and detail. Anything unexpected answers 500 with a generic detail (exception messages
 * can carry secrets, so they are never sent) and is logged with the request id.
 *
 * <p>Services extend this in either of two ways: declare their own {@code @RestControllerAdvice} with any
 * {@link Order} before {@link #ORDER} (it is consulted first, so its handlers win), or subclass this class and
 * declare the subclass as a bean (this one then backs off).
 */
@RestControllerAdvice
@Order(ProblemDetailsAdvice.ORDER)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    /** Last, so that any advice a service declares is consulted before this catch-all. */
    public static final int ORDER = Ordered.LOWEST_PRECEDENCE;

    /** The {@code detail} of every unexpected failure. */
    public static final String UNEXPECTED_DETAIL =
            "An unexpected error occurred. Quote the request id when reporting it.";

    /** The extension member holding the request id. */
    public static final String REQUEST_ID = "requestId";

    /** The extension member holding the {@link FieldViolation}s. */
    public static final String ERRORS = "errors";

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /**
     * Method-level bean validation ({@code @Validated} beans): a violated parameter constraint is the caller's
     * mistake (400); a violated return-value constraint is ours (500).
     *
     * @param ex the violations
     * @param request the current request
     * @return the problem response
     */
    @ExceptionHandler(ConstraintViolationException.class)
    public @Nullable ResponseEntity<Object> handleConstraintViolation(
            ConstraintViolationException ex, WebRequest request) {
        if (ex.getConstraintViolations().stream().anyMatch(ProblemDetailsAdvice::isReturnValue)) {
            return handleUnexpected(ex, request);
        }
        List<FieldViolation> violations = ex.getConstraintViolations().stream()
                .map(violation -> new FieldViolation(propertyPath(violation.getPropertyPath()), violation.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field))
                .toList();
        ProblemDetail problem = contractViolation(
                ProblemTypes.VALIDATION_FAILED, "Validation failed", "The request has invalid fields.", violations);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /**
     * The catch-all: a 500 that tells the client nothing but the request id, and an ERROR log line with the stack
     * trace.
     *
     * @param ex the unexpected exception
     * @param request the current request
     * @return the problem response
     */
    @ExceptionHandler(Exception.class)
    public @Nullable ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, UNEXPECTED_DETAIL);
        problem.setType(ProblemTypes.of(ProblemTypes.INTERNAL_ERROR));
        problem.setTitle("Internal server error");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = contractViolation(
                ProblemTypes.VALIDATION_FAILED,
                "Validation failed",
                "The request has invalid fields.",
                violations(ex.getBindingResult()));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (status.is5xxServerError()) { // a return value failed validation: our bug
            return handleUnexpected(ex, request);
        }
        List<FieldViolation> violations = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors errors) { // a @RequestBody or @ModelAttribute object
                violations.addAll(violations(errors));
            } else {
                String name = parameterName(result.getMethodParameter());
                result.getResolvableErrors()
                        .forEach(error ->
                                violations.add(new FieldViolation(name, messageOf(error.getDefaultMessage()))));
            }
        }
        ProblemDetail problem = contractViolation(
                ProblemTypes.VALIDATION_FAILED, "Validation failed", "The request has invalid fields.", violations);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = UnreadableBodies.describe(ex);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException mismatch
                ? parameterName(mismatch.getParameter())
                : String.valueOf(ex.getPropertyName());
        Class<?> required = ex.getRequiredType();
        String message = required == null ? "has an invalid value" : UnreadableBodies.expectation(required);
        // The rejected value is not echoed: it may be anything, including a secret pasted in the wrong place.
        ProblemDetail problem = contractViolation(
                ProblemTypes.INVALID_PARAMETER,
                "Invalid request parameter",
                "Parameter '" + name + "' " + message + ".",
                List.of(new FieldViolation(name, message)));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return missing(ex, ex.getParameterName(), "Query parameter", headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestPart(
            MissingServletRequestPartException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return missing(ex, ex.getRequestPartName(), "Request part", headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleServletRequestBindingException(
            ServletRequestBindingException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex instanceof MissingRequestHeaderException header) {
            return missing(ex, header.getHeaderName(), "Header", headers, status, request);
        }
        if (ex instanceof MissingRequestCookieException cookie) {
            return missing(ex, cookie.getCookieName(), "Cookie", headers, status, request);
        }
        return super.handleServletRequestBindingException(ex, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, noEndpoint(request), headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleNoHandlerFoundException(
            NoHandlerFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, noEndpoint(request), headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        logFailure(ex, statusCode, request);
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    /**
     * Completes every problem document on its way out: the type for its status when none is set, the request path
     * as instance, and the request id.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body != null && !(body instanceof ProblemDetail)) { // a subclass chose its own body: respect it
            return super.createResponseEntity(body, headers, statusCode, request);
        }
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail : ProblemDetail.forStatus(statusCode);
        Problems.complete(problem, statusCode, request(request));
        return super.createResponseEntity(problem, headers, statusCode, request);
    }

    /**
     * A 400 problem for a request that breaks the API contract.
     *
     * @param slug the problem type slug
     * @param title the title of that type
     * @param detail a one-sentence summary
     * @param violations the offending inputs (omitted from the document when empty)
     * @return the problem, still to be completed by {@link #createResponseEntity}
     */
    protected static ProblemDetail contractViolation(
            String slug, String title, String detail, List<FieldViolation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(ProblemTypes.of(slug));
        problem.setTitle(title);
        if (!violations.isEmpty()) {
            problem.setProperty(ERRORS, violations);
        }
        return problem;
    }

    private @Nullable ResponseEntity<Object> missing(
            Exception ex, String name, String kind, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (status.is5xxServerError()) { // e.g. a path variable the mapping forgot to declare: our bug
            return handleUnexpected(ex, request);
        }
        ProblemDetail problem = contractViolation(
                ProblemTypes.INVALID_PARAMETER,
                "Invalid request parameter",
                kind + " '" + name + "' is required.",
                List.of(new FieldViolation(name, "is required")));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    private static ProblemDetail noEndpoint(WebRequest request) {
        HttpServletRequest servletRequest = request(request);
        return Problems.notFound(servletRequest.getMethod(), servletRequest.getRequestURI());
    }

    private static List<FieldViolation> violations(BindingResult result) {
        List<FieldViolation> violations = new ArrayList<>();
        for (FieldError error : result.getFieldErrors()) {
            violations.add(new FieldViolation(error.getField(), messageOf(error.getDefaultMessage())));
        }
        for (ObjectError error : result.getGlobalErrors()) { // class-level constraints, e.g. "from before to"
            violations.add(new FieldViolation(error.getObjectName(), messageOf(error.getDefaultMessage())));
        }
        return violations;
    }

    private static List<FieldViolation> violations(ParameterErrors errors) {
        List<FieldViolation> violations = new ArrayList<>();
        for (FieldError error : errors.getFieldErrors()) {
            violations.add(new FieldViolation(error.getField(), messageOf(error.getDefaultMessage())));
        }
        for (ObjectError error : errors.getGlobalErrors()) {
            violations.add(new FieldViolation(
                    parameterName(errors.getMethodParameter()), messageOf(error.getDefaultMessage())));
        }
        return violations;
    }

    private static String messageOf(@Nullable String message) {
        return message == null ? "is invalid" : message;
    }

    /** The name the client used: the binding annotation's name when given, else the Java parameter name. */
    private static String parameterName(MethodParameter parameter) {
        String bound = firstNonEmpty(
                parameter.getParameterAnnotation(RequestParam.class) instanceof RequestParam a ? a.name() : null,
                parameter.getParameterAnnotation(PathVariable.class) instanceof PathVariable a ? a.name() : null,
                parameter.getParameterAnnotation(RequestHeader.class) instanceof RequestHeader a ? a.name() : null,
                parameter.getParameterAnnotation(CookieValue.class) instanceof CookieValue a ? a.name() : null);
        if (bound != null) {
            return bound;
        }
        String name = parameter.getParameterName();
        return name != null ? name : "arg" + parameter.getParameterIndex();
    }

    private static @Nullable String firstNonEmpty(@Nullable String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isEmpty()) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** {@code create.request.lines[0].amount} without the method name: {@code request.lines[0].amount}. */
    private static String propertyPath(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && !node.getName().isEmpty()) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? path.toString() : field.toString();
    }

    private void logFailure(Exception ex, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servletRequest = request(request);
        String requestId = Problems.requestId(servletRequest);
        if (status.is5xxServerError()) {
            // The query string is left out: it can carry OAuth codes and other secrets.
            log.error(
                    "{} {} failed with {} [requestId={}]",
                    servletRequest.getMethod(),
                    servletRequest.getRequestURI(),
                    status.value(),
                    requestId,
                    ex);
        } else if (log.isDebugEnabled()) {
            log.debug(
                    "{} {} rejected with {} [requestId={}]: {}",
                    servletRequest.getMethod(),
                    servletRequest.getRequestURI(),
                    status.value(),
                    requestId,
                    ex.getClass().getSimpleName());
        }
    }

    private static HttpServletRequest request(WebRequest request) {
        if (request instanceof NativeWebRequest nativeRequest
                && nativeRequest.getNativeRequest(HttpServletRequest.class) instanceof HttpServletRequest servlet) {
            return servlet;
        }
        throw new IllegalStateException("Not a servlet request: " + request);
    }
}
