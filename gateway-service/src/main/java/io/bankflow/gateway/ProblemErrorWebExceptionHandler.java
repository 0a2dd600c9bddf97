package io.bankflow.gateway;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Answers every error the gateway itself raises as an RFC 9457 problem document with the request id: no route (404),
 * an organisation over its rate limit (429, with {@code Retry-After}), a service that cannot be reached (503) or does
 * not answer in time (504), and anything unexpected (500, logged, generic detail). Errors answered by a service pass
 * through untouched; they are already problem documents. (Authentication failures are answered by {@link
 * GatewaySecurity}.)
 */
@Component
@Order(-2) // before Boot's DefaultErrorWebExceptionHandler (-1), which would answer with its own JSON shape
final class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorWebExceptionHandler.class);

    private final GatewayProblems problems;

    ProblemErrorWebExceptionHandler(GatewayProblems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(ex); // too late for a body: the server closes the connection
        }
        ServerHttpRequest request = exchange.getRequest();
        String requestId = GatewayProblems.requestId(exchange);
        Problem problem =
                classify(ex, request.getMethod().name(), request.getPath().value());
        logFailure(exchange, ex, problem, requestId);

        if (ex instanceof ErrorResponse errorResponse) {
            response.getHeaders().addAll(errorResponse.getHeaders()); // e.g. Allow on a 405
        }
        if (ex instanceof HttpClientErrorException.TooManyRequests limited) {
            RateLimitHeaders.copy(limited.getResponseHeaders(), response.getHeaders());
        }
        return problems.write(exchange, problem.status(), problem.title(), problem.detail());
    }

    private record Problem(HttpStatusCode status, String title, String detail) {}

    private static Problem classify(Throwable ex, String method, String path) {
        if (ex instanceof HttpClientErrorException.TooManyRequests) {
            // How Spring Cloud Gateway's RequestRateLimiter signals a denial (throw-on-limit: true, application.yml).
            return new Problem(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests",
                    "Your organisation has sent more requests than its rate limit allows; retry after the number of"
                            + " seconds in the Retry-After header.");
        }
        if (hasCause(ex, ConnectException.class, UnknownHostException.class, PrematureCloseException.class)) {
            return new Problem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Service unavailable",
                    "The service behind this endpoint is unavailable; retry later.");
        }
        if (hasCause(ex, TimeoutException.class)) {
            return timeout();
        }
        if (ex instanceof ErrorResponse errorResponse) {
            HttpStatusCode status = errorResponse.getStatusCode();
            if (status.value() == HttpStatus.NOT_FOUND.value()) {
                return new Problem(status, "Not found", "No endpoint " + method + " " + path + ".");
            }
            if (status.value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
                return timeout();
            }
            if (status.is4xxClientError()) {
                String detail = errorResponse.getBody().getDetail();
                return new Problem(status, reason(status), detail != null ? detail : reason(status) + ".");
            }
        }
        return new Problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal server error",
                "An unexpected error occurred. Quote the request id when reporting it.");
    }

    private static Problem timeout() {
        // Same type (and so the same title) as 503: for the client both mean "retry later".
        return new Problem(
                HttpStatus.GATEWAY_TIMEOUT,
                "Service unavailable",
                "The service behind this endpoint did not answer in time; retry later.");
    }

    private static String reason(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "Error " + status.value();
    }

    @SafeVarargs
    private static boolean hasCause(Throwable ex, Class<? extends Throwable>... types) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(cause)) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static void logFailure(ServerWebExchange exchange, Throwable ex, Problem problem, String requestId) {
        HttpStatusCode status = problem.status();
        if (!status.is5xxServerError()) {
            return;
        }
        ServerHttpRequest request = exchange.getRequest();
        String route = routeId(exchange);
        if (status.value() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
            log.error(
                    "{} {} (route {}) failed with 500 [requestId={}]",
                    request.getMethod(),
                    request.getPath(),
                    route,
                    requestId,
                    ex);
        } else {
            // Expected while a service restarts: one line, no stack trace.
            log.warn(
                    "{} {} (route {}) answered {}: {} [requestId={}]",
                    request.getMethod(),
                    request.getPath(),
                    route,
                    status.value(),
                    ex.toString(),
                    requestId);
        }
    }

    private static String routeId(ServerWebExchange exchange) {
        @Nullable Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route != null ? route.getId() : "none";
    }
}
