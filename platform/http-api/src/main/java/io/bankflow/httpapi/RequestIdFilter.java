package io.bankflow.httpapi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (see {@link RequestIds}), puts it in the MDC for the duration of the request and echoes
 * it on the response.
 *
 * <p>Registered at the highest precedence so that every other filter's log lines carry the id. It also runs on
 * ASYNC and ERROR dispatches: those may run on another thread, or after the MDC of the original dispatch was
 * cleared, and the problem document written on the ERROR dispatch must carry the same id.
 */
final class RequestIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = resolve(request);
        request.setAttribute(RequestIds.ATTRIBUTE, requestId);
        // Set before the chain runs: once the body is committed headers can no longer be added.
        response.setHeader(RequestIds.HEADER, requestId);
        String previous = MDC.get(RequestIds.MDC_KEY);
        MDC.put(RequestIds.MDC_KEY, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            // Servlet threads are pooled (or virtual and reused by carrier threads): never leak an id.
            if (previous == null) {
                MDC.remove(RequestIds.MDC_KEY);
            } else {
                MDC.put(RequestIds.MDC_KEY, previous);
            }
        }
    }

    private static String resolve(HttpServletRequest request) {
        // A later dispatch of the same request keeps the id chosen on the first one.
        if (request.getAttribute(RequestIds.ATTRIBUTE) instanceof String existing) {
            return existing;
        }
        return RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterNestedErrorDispatch(
            HttpServletRequest request, HttpServletResponse response, FilterChain filterChain)
            throws ServletException, IOException {
        // An error dispatch nested inside the original one (a forward to the error page during the request): same
        // id, same treatment; the previous MDC value is restored afterwards.
        doFilterInternal(request, response, filterChain);
    }
}
