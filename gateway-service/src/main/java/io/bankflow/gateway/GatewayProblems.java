package io.bankflow.gateway;

import io.bankflow.httpapi.ProblemTypes;
import io.bankflow.httpapi.RequestIds;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the gateway's own answers as RFC 9457 problem documents in the shape of the services' (platform/http-api):
 * {@code type} under {@value ProblemTypes#BASE}, {@code title}, {@code status}, {@code detail}, the request path as
 * {@code instance} and the {@code requestId}.
 */
@Component
final class GatewayProblems {

    private final JsonMapper json;

    GatewayProblems(JsonMapper json) {
        this.json = json;
    }

    /**
     * Sets the status, content type and request id on the exchange's response and writes the document. Headers
     * already on the response (e.g. {@code WWW-Authenticate}, {@code Retry-After}) are kept.
     *
     * @param exchange the exchange to answer
     * @param status the status; its type is the generic one for the status
     * @param title a short, stable summary
     * @param detail what went wrong, for the API user; never secrets or tokens
     * @return completes when the body is written
     */
    Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String title, String detail) {
        String requestId = requestId(exchange);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ProblemTypes.forStatus(status).toString());
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", exchange.getRequest().getPath().value()); // the path only: a query can carry OAuth codes
        body.put("requestId", requestId);

        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set(RequestIds.HEADER, requestId);
        byte[] bytes = json.writeValueAsBytes(body);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    /** The id {@link RequestIdWebFilter} chose, or (if the failure came before it ran) one chosen by the same rules. */
    static String requestId(ServerWebExchange exchange) {
        if (exchange.getAttribute(RequestIdWebFilter.ATTRIBUTE) instanceof String id) {
            return id;
        }
        return RequestIds.acceptOrGenerate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
    }
}
