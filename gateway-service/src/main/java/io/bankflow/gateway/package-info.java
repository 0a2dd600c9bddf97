/**
 * gateway-service: the public entry point. Routes (configured in {@code application.yml}) send the public API, provider
 * webhooks and the OAuth callback to the services; {@link io.bankflow.gateway.RequestIdWebFilter} gives every request
 * an {@code X-Request-Id}; {@link io.bankflow.gateway.ProblemErrorWebExceptionHandler} answers the gateway's own errors
 * as RFC 9457 problem documents.
 */
@NullMarked
package io.bankflow.gateway;

import org.jspecify.annotations.NullMarked;
