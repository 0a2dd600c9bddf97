package io.bankflow.gateway;

import io.bankflow.httpapi.ProblemTypes;
import io.bankflow.httpapi.RequestIds;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
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
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers every error the gateway itself raises as an RFC 9457 problem document with the request id: no route (404),
 * a service that cannot be reached (503) or does not answer in time (504), and anything unexpected (500, logged,
 * generic detail). Errors answered by a service pass through untouched; they are already problem documents.
 */
@Component
@Order(-2) // before Boot's DefaultErrorWebExceptionHandler (-1), which would answer with its own JSON shape
final class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorWebExceptionHandler.class);

    private final JsonMapper json;

    ProblemErrorWebExceptionHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(ex); // too late for a body: the server closes the connection
        }
        ServerHttpRequest request = exchange.getRequest();
        String requestId = requestId(exchange);
        String path = request.getPath().value();
        Problem problem = classify(ex, request.getMethod().name(), path);
        logFailure(exchange, ex, problem, requestId);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ProblemTypes.forStatus(problem.status()).toString());
        body.put("title", problem.title());
        body.put("status", problem.status().value());
        body.put("detail", problem.detail());
        body.put("instance", path); // the path only: a query string can carry OAuth codes
        body.put("requestId", requestId);

        response.setStatusCode(problem.status());
        if (ex instanceof ErrorResponse errorResponse) {
            response.getHeaders().addAll(errorResponse.getHeaders()); // e.g. Allow on a 405
        }
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set(RequestIds.HEADER, requestId);
        byte[] bytes = json.writeValueAsBytes(body);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    private record Problem(HttpStatusCode status, String title, String detail) {}

    private static Problem classify(Throwable ex, String method, String path) {
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

    private static String requestId(ServerWebExchange exchange) {
        if (exchange.getAttribute(RequestIdWebFilter.ATTRIBUTE) instanceof String id) {
            return id;
        }
        // The filter did not run (the failure came before it): same rules, so the id is still safe to echo.
        return RequestIds.acceptOrGenerate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
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
