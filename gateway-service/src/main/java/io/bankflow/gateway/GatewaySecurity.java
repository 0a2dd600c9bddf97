package io.bankflow.gateway;

import java.util.List;
import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.oauth2.server.resource.web.access.server.BearerTokenServerAccessDeniedHandler;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway validates every access token before routing (DESIGN.md section 4, ADR 0002): the public API ({@code
 * /api/banking/**}) needs a bearer JWT from the configured issuer ({@code BANKFLOW_ISSUER_URI}; signature against the
 * issuer's published keys, {@code iss}, {@code exp}) that names an organisation ({@code org_id}). The token travels on
 * unchanged in the {@code Authorization} header: each service validates it again and scopes its data by the
 * organisation. Provider webhooks (signed), the OAuth callback (state-checked), health, metrics and the API documents
 * are open; any other path needs a token too, so the gateway tells anonymous callers nothing about what exists.
 *
 * <p>Failures are problem documents in the shape of the gateway's other errors: 401 {@code unauthorized} with the RFC
 * 6750 {@code WWW-Authenticate} challenge (never the token itself), 403 {@code forbidden}.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

    /** The claim carrying the organisation (tenant); the rate limit's key as well. */
    static final String ORG_CLAIM = "org_id";

    /** Open without a token. */
    static final List<String> PUBLIC_PATHS = List.of(
            "/webhooks/**",
            "/oauth/callback",
            "/actuator/health/**",
            "/actuator/info",
            "/actuator/prometheus",
            "/v3/api-docs/**");

    @Bean
    SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, GatewayProblems problems) {
        ServerAuthenticationEntryPoint entryPoint = new ProblemEntryPoint(problems);
        ServerAccessDeniedHandler accessDenied = new ProblemAccessDenied(problems);
        return http.authorizeExchange(exchanges -> exchanges
                        .pathMatchers(PUBLIC_PATHS.toArray(String[]::new))
                        .permitAll()
                        .pathMatchers("/api/banking/**")
                        .authenticated()
                        .anyExchange()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(
                                new ReactiveJwtAuthenticationConverterAdapter(new OrganisationRequired())))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                // Bearer tokens only: no session, no cookies, hence no CSRF; nothing to log in to or out of.
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .build();
    }

    /** A token without an organisation is not a Bankflow token: 401 {@code invalid_token}, as in the services. */
    static final class OrganisationRequired implements Converter<Jwt, AbstractAuthenticationToken> {

        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            if (!(jwt.getClaims().get(ORG_CLAIM) instanceof String org) || org.isBlank()) {
                // The description goes into the WWW-Authenticate header: it names the claim, never the token.
                throw new InvalidBearerTokenException("The access token carries no organisation (org_id claim).");
            }
            return new JwtAuthenticationToken(jwt, List.of(), jwt.getSubject());
        }
    }

    /**
     * Spring Security's RFC 6750 challenge (status and {@code WWW-Authenticate}), with a problem document as body:
     * Spring's entry point completes the response without one, so its completion is turned into writing the document.
     */
    static final class ProblemEntryPoint implements ServerAuthenticationEntryPoint {

        private final BearerTokenServerAuthenticationEntryPoint bearer =
                new BearerTokenServerAuthenticationEntryPoint();
        private final GatewayProblems problems;

        ProblemEntryPoint(GatewayProblems problems) {
            this.problems = problems;
        }

        @Override
        public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
            boolean tokenSent = failure instanceof OAuth2AuthenticationException;
            return bearer.commence(withProblemBody(exchange, problems, status -> detail(status, tokenSent)), failure);
        }

        private static Detail detail(HttpStatusCode status, boolean tokenSent) {
            if (status.value() == HttpStatus.BAD_REQUEST.value()) {
                return new Detail("Bad request", "The access token must be sent once, in the Authorization header.");
            }
            if (status.value() == HttpStatus.FORBIDDEN.value()) {
                return new Detail("Forbidden", "The access token does not allow access to this resource.");
            }
            return tokenSent
                    // The same for every reason (signature, issuer, expiry, claims); the challenge says which.
                    ? new Detail("Unauthorized", "The access token is invalid or has expired.")
                    : new Detail(
                            "Unauthorized",
                            "This resource requires an access token: send it as 'Authorization: Bearer <token>'.");
        }
    }

    /** Spring Security's {@code insufficient_scope} challenge with a 403 problem document. */
    static final class ProblemAccessDenied implements ServerAccessDeniedHandler {

        private final BearerTokenServerAccessDeniedHandler bearer = new BearerTokenServerAccessDeniedHandler();
        private final GatewayProblems problems;

        ProblemAccessDenied(GatewayProblems problems) {
            this.problems = problems;
        }

        @Override
        public Mono<Void> handle(
                ServerWebExchange exchange, org.springframework.security.access.AccessDeniedException denied) {
            return bearer.handle(
                    withProblemBody(
                            exchange,
                            problems,
                            status -> new Detail("Forbidden", "You are not allowed to access this resource.")),
                    denied);
        }
    }

    private record Detail(String title, String detail) {}

    private interface DetailForStatus {
        Detail of(HttpStatusCode status);
    }

    /** The exchange with a response whose body-less completion writes a problem document for the status set. */
    private static ServerWebExchange withProblemBody(
            ServerWebExchange exchange, GatewayProblems problems, DetailForStatus details) {
        ServerHttpResponse response = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> setComplete() {
                HttpStatusCode status = Objects.requireNonNullElse(getStatusCode(), HttpStatus.UNAUTHORIZED);
                Detail detail = details.of(status);
                return problems.write(exchange, status, detail.title(), detail.detail());
            }
        };
        return exchange.mutate().response(response).build();
    }
}
