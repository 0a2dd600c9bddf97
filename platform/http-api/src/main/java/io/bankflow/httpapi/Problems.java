package io.bankflow.httpapi;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** What every problem document gets, whichever component writes it. */
final class Problems {

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private Problems() {}

    /** Type for the status when none is set, the request path as instance, the request id. */
    static void complete(ProblemDetail problem, HttpStatusCode status, HttpServletRequest request) {
        complete(problem, status, request.getRequestURI(), requestId(request));
    }

    static void complete(ProblemDetail problem, HttpStatusCode status, String path, String requestId) {
        if (problem.getType() == null || ABOUT_BLANK.equals(problem.getType())) {
            problem.setType(ProblemTypes.forStatus(status));
        }
        if (problem.getInstance() == null) {
            problem.setInstance(pathAsUri(path));
        }
        problem.setProperty(ProblemDetailsAdvice.REQUEST_ID, requestId);
    }

    static ProblemDetail notFound(String method, String path) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No endpoint " + method + " " + path + ".");
        problem.setType(ProblemTypes.of(ProblemTypes.NOT_FOUND));
        problem.setTitle("Not found");
        return problem;
    }

    /** A detail for a status when nothing more is known; it reveals nothing about the request. */
    static String genericDetail(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> "Authentication is required to access this resource.";
            case 403 -> "You are not allowed to access this resource.";
            case 429 -> "Too many requests; retry later.";
            case 503 -> "The service is temporarily unavailable; retry later.";
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                yield "The request failed with HTTP status " + status.value()
                        + (known == null ? "" : " (" + known.getReasonPhrase() + ")") + ".";
            }
        };
    }

    /** The id the filter chose; generated here only if the filter did not run (e.g. a test without filters). */
    static String requestId(HttpServletRequest request) {
        if (request.getAttribute(RequestIds.ATTRIBUTE) instanceof String id) {
            return id;
        }
        String id = RequestIds.current().orElseGet(RequestIds::generate);
        request.setAttribute(RequestIds.ATTRIBUTE, id);
        return id;
    }

    /** The raw (still percent-encoded) request path; never the query string, which can carry OAuth codes. */
    private static @Nullable URI pathAsUri(String path) {
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            return null; // a path the container let through but URI rejects: better no instance than a failure
        }
    }
}
