package io.bankflow.gateway;

import io.bankflow.httpapi.RequestIds;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id} (the caller's when it is {@link RequestIds#isAcceptable acceptable},
 * otherwise a new one), forwards it to the service the request is routed to, and returns it on the response.
 *
 * <p>A {@link WebFilter} rather than a gateway {@code GlobalFilter}: global filters only see requests that matched a
 * route, and the gateway's own answers (no route, service unavailable, actuator) need the id just as much.
 */
@Component
final class RequestIdWebFilter implements WebFilter, Ordered {

    /** Exchange attribute with the id, for the error handler (it receives the exchange as it was before this filter). */
    static final String ATTRIBUTE = RequestIds.ATTRIBUTE;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId =
                RequestIds.acceptOrGenerate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
        // Replaces an unacceptable id, so the services never see it either.
        ServerHttpRequest request = exchange.getRequest()
                .mutate()
                .headers(headers -> headers.set(RequestIds.HEADER, requestId))
                .build();
        ServerWebExchange withId = exchange.mutate().request(request).build();
        withId.getAttributes().put(ATTRIBUTE, requestId);
        // Set just before commit: the routed service's response headers are copied in after this filter has run, and
        // one value must win.
        withId.getResponse().beforeCommit(() -> {
            withId.getResponse().getHeaders().set(RequestIds.HEADER, requestId);
            return Mono.empty();
        });
        return chain.filter(withId);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
