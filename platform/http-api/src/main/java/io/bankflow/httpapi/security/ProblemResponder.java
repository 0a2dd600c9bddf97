package io.bankflow.httpapi.security;

import io.bankflow.httpapi.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Writes a problem document from a security filter, where Spring MVC's exception handling does not reach: the
 * exception is handed to MVC's {@link HandlerExceptionResolver}, so the document is written by the same advice
 * ({@link io.bankflow.httpapi.ProblemDetailsAdvice}, or a service's own) as every other error, with the same type,
 * instance, request id and content negotiation.
 */
final class ProblemResponder {

    private final HandlerExceptionResolver resolver;

    ProblemResponder(HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    void respond(HttpServletRequest request, HttpServletResponse response, ApiException problem) throws IOException {
        if (resolver.resolveException(request, response, null, problem) == null) {
            // No advice handled it (a service replaced the advice with one that does not): the container's error page
            // still answers a problem document with this status (ProblemErrorController).
            response.sendError(problem.getStatusCode().value());
        }
    }
}
