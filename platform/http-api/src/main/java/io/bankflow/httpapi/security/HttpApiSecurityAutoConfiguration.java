package io.bankflow.httpapi.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.BeanIds;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes a servlet service a JWT resource server (DESIGN.md section 4, ADR 0002): stateless, no CSRF (no cookies, no
 * sessions), every request needs a bearer JWT from the configured issuer ({@code
 * spring.security.oauth2.resourceserver.jwt.issuer-uri}; services set {@code ${BANKFLOW_ISSUER_URI:...}}) that
 * carries an organisation ({@code org_id}), except the public paths of {@link HttpApiSecurityProperties}. Failures
 * are problem documents: 401 {@code unauthorized} with the RFC 6750 {@code WWW-Authenticate} challenge, 403 {@code
 * forbidden}. Controllers receive the caller as a {@link Caller} parameter.
 *
 * <p>The token itself is validated by Spring Boot's {@link JwtDecoder} (signature against the issuer's published keys,
 * {@code iss}, {@code exp}/{@code nbf}); a service or test may declare its own decoder bean instead.
 *
 * <p>Runs before Boot's resource-server and web-security auto-configurations, whose default filter chains then back
 * off. The chain is ordered last and matches every request: a service that needs a different treatment for some
 * paths declares its own {@link SecurityFilterChain} with a {@code securityMatcher} and an earlier {@link Order}. Also
 * listed for {@code @WebMvcTest} slices, so controller tests run behind the same rules as production (authenticate
 * with spring-security-test's {@code jwt()} post-processor, see the module README).
 */
@AutoConfiguration(before = {OAuth2ResourceServerAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({DispatcherServlet.class, SecurityFilterChain.class, JwtDecoder.class})
@EnableConfigurationProperties(HttpApiSecurityProperties.class)
public final class HttpApiSecurityAutoConfiguration {

    /** Open on every service; see {@link HttpApiSecurityProperties} for why each is. */
    static final List<String> PUBLIC_PATHS = List.of(
            "/actuator/health/**",
            "/actuator/info",
            "/actuator/prometheus",
            "/v3/api-docs/**",
            "/swagger-ui/**",
            "/swagger-ui.html",
            "/error",
            "/webhooks/**",
            "/oauth/callback");

    /** The bean name of the chain, so that a service can replace it deliberately. */
    public static final String FILTER_CHAIN_BEAN = "bankflowSecurityFilterChain";

    /**
     * The resource-server filter chain.
     *
     * @param http Spring Security's builder
     * @param properties the service's extra public paths
     * @param decoders the JWT decoder: Boot's, from {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, or a
     *     service's own
     * @param exceptionResolver Spring MVC's exception handling, which writes the problem documents (looked up lazily:
     *     the filter chain is built before MVC's infrastructure)
     * @return the chain
     */
    @Bean(FILTER_CHAIN_BEAN)
    @ConditionalOnMissingBean(name = FILTER_CHAIN_BEAN)
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain bankflowSecurityFilterChain(
            HttpSecurity http,
            HttpApiSecurityProperties properties,
            ObjectProvider<JwtDecoder> decoders,
            @Lazy @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
        JwtDecoder decoder = decoders.getIfAvailable();
        if (decoder == null) {
            throw new NoSuchBeanDefinitionException(
                    JwtDecoder.class,
                    "Bankflow services validate bearer JWTs: set spring.security.oauth2.resourceserver.jwt.issuer-uri"
                            + " (application.yml: ${BANKFLOW_ISSUER_URI:http://127.0.0.1:18675}) or declare a"
                            + " JwtDecoder bean");
        }
        List<String> publicPaths = new ArrayList<>(PUBLIC_PATHS);
        publicPaths.addAll(properties.publicPaths());
        ProblemResponder responder = new ProblemResponder(exceptionResolver);
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(responder);
        ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler(responder);

        http.authorizeHttpRequests(requests -> requests.requestMatchers(publicPaths.toArray(String[]::new))
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt ->
                                jwt.decoder(decoder).jwtAuthenticationConverter(new CallerAuthenticationConverter()))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                // Bearer tokens only: no session, no cookies, hence no CSRF; nothing to log in to or out of.
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable());
        return http.build();
    }

    /**
     * Registers the {@link Caller} argument resolver with Spring MVC.
     *
     * @return the configurer
     */
    @Bean
    WebMvcConfigurer bankflowCallerArgumentResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    /**
     * Turns Spring Security's web support on where Boot's web-security auto-configuration is not part of the context
     * (a {@code @WebMvcTest} slice without spring-boot-security-test); backs off like Boot's when the application
     * enables it itself.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(name = BeanIds.SPRING_SECURITY_FILTER_CHAIN)
    @EnableWebSecurity
    static class EnableWebSecurityConfiguration {}
}
