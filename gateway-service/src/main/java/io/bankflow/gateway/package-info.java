/**
 * gateway-service: the public entry point. {@link io.bankflow.gateway.GatewaySecurity} validates bearer JWTs (issuer,
 * signature, expiry, organisation) before anything is routed; routes (configured in {@code application.yml}) send the
 * public API, provider webhooks and the OAuth callback to the services, the API rate-limited per organisation ({@link
 * io.bankflow.gateway.RateLimiting}); {@link io.bankflow.gateway.RequestIdWebFilter} gives every request an {@code
 * X-Request-Id}; {@link io.bankflow.gateway.ProblemErrorWebExceptionHandler} and {@link
 * io.bankflow.gateway.GatewayProblems} answer the gateway's own errors as RFC 9457 problem documents.
 */
@NullMarked
package io.bankflow.gateway;

import org.jspecify.annotations.NullMarked;
