package io.bankflow.sandboxbank.ais.web;

import io.bankflow.sandboxbank.controls.Faults;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every Berlin Group call ({@code /v1/**}) goes through before its controller: the {@code X-Request-ID} header
 * (required, a UUID, echoed on every answer) and the failures the test controls queued (status N, or 429 with
 * {@code Retry-After} and {@code ACCESS_EXCEEDED}).
 */
@Component
class AisRequestFilter extends OncePerRequestFilter {

    static final String REQUEST_ID = "X-Request-ID";

    private final Faults faults;

    AisRequestFilter(Faults faults) {
        this.faults = faults;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = request.getHeader(REQUEST_ID);
        if (requestId != null) {
            response.setHeader(REQUEST_ID, requestId);
        }
        Optional<Faults.Fault> fault = faults.take();
        if (fault.isPresent()) {
            switch (fault.get()) {
                case Faults.Failure failure -> {
                    // The spec defines no body for 500 and 503 (no message codes); other statuses get a generic one.
                    response.setStatus(failure.status());
                    if (failure.status() != 500 && failure.status() != 503) {
                        write(response, "SERVICE_BLOCKED", "Simulated failure (sandbox control)");
                    }
                }
                case Faults.RateLimited limited -> {
                    response.setStatus(429);
                    response.setHeader(
                            "Retry-After", Long.toString(limited.retryAfter().toSeconds()));
                    write(response, "ACCESS_EXCEEDED", "Too many requests; retry after the time in Retry-After");
                }
            }
            return;
        }
        if (requestId == null || requestId.isBlank()) {
            response.setStatus(400);
            write(response, "FORMAT_ERROR", "The header X-Request-ID is missing");
            return;
        }
        if (!isUuid(requestId)) {
            response.setStatus(400);
            write(response, "FORMAT_ERROR", "The header X-Request-ID must be a UUID");
            return;
        }
        MDC.put("correlationId", requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("correlationId");
        }
    }

    private static boolean isUuid(String value) {
        if (value.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException notUuid) {
            return false;
        }
    }

    private static void write(HttpServletResponse response, String code, String text) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        byte[] body = ("{\"tppMessages\":[{\"category\":\"ERROR\",\"code\":\"" + code + "\",\"text\":\"" + text
                        + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
