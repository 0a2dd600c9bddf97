package io.bankflow.httpapi.security;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Supplies a {@link Caller} parameter of a controller method from the request's validated JWT. On a path that is
 * public (no token required) there is no caller: the request answers 401, so a controller that declares a caller is
 * never reached anonymously.
 */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Caller resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            @Nullable WebDataBinderFactory binderFactory) {
        Authentication authentication =
                SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            SecurityProblem problem = SecurityProblem.missingToken();
            problem.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            throw problem;
        }
        try {
            // Also covers authentications made without our converter (e.g. spring-security-test's jwt()).
            return CallerClaims.from(jwt);
        } catch (InvalidBearerTokenException e) {
            SecurityProblem problem = SecurityProblem.invalidToken();
            problem.getHeaders()
                    .set(
                            HttpHeaders.WWW_AUTHENTICATE,
                            "Bearer error=\"invalid_token\", error_description=\""
                                    + e.getError().getDescription() + "\"");
            throw problem;
        }
    }
}
