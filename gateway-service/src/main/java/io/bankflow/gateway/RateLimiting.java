package io.bankflow.gateway;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * The {@code RequestRateLimiter} filter's collaborators for the {@code /api/banking} routes (application.yml): buckets
 * keyed by the caller's organisation, sized by {@link RateLimitProperties}. A denial is raised as an error
 * ({@code throw-on-limit}) and answered by {@link ProblemErrorWebExceptionHandler} as a 429 problem document.
 */
@Configuration(proxyBeanMethods = false)
class RateLimiting {

    /** The bean name the routes refer to. */
    static final String KEY_RESOLVER = "organisationKeyResolver";

    /**
     * The token-bucket limiter; as the only {@link RedisRateLimiter} bean it replaces Spring Cloud Gateway's default.
     *
     * @param properties the bucket's size and refill rate
     * @return the limiter
     */
    @Bean
    RedisRateLimiter organisationRateLimiter(RateLimitProperties properties) {
        return new RedisRateLimiter(
                properties.replenishRate(), properties.burstCapacity(), properties.requestedTokens());
    }

    /**
     * The organisation of the authenticated caller. Empty (the filter then refuses the request) cannot happen on the
     * limited routes: {@link GatewaySecurity} lets no request without an organisation reach them.
     *
     * @return the key resolver
     */
    @Bean(KEY_RESOLVER)
    KeyResolver organisationKeyResolver() {
        return exchange -> exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                .flatMap(token -> Mono.justOrEmpty(token.getToken().getClaimAsString(GatewaySecurity.ORG_CLAIM)));
    }
}
