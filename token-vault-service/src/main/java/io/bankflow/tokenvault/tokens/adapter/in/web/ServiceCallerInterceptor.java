package io.bankflow.tokenvault.tokens.adapter.in.web;

import io.bankflow.httpapi.security.ForbiddenException;
import io.bankflow.tokenvault.tokens.InternalApiProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The internal API's access rule: the caller's token (already validated by platform/http-api, so 401 is settled)
 * must carry the role {@value #SERVICE_ROLE} and a client id allowed for the handler's {@link ServiceOperation};
 * anything else is 403 {@code forbidden}. Runs before argument resolution, so a refused caller learns nothing about
 * the body's validity. A handler under {@code /internal} without {@link ServiceOperation} is refused (fail closed).
 *
 * <p>platform/http-api's {@code Caller} knows only the tenant roles (finance, admin), hence the claim is read here.
 */
final class ServiceCallerInterceptor implements HandlerInterceptor {

    /** The role of Bankflow's own services in the {@code roles} claim. */
    static final String SERVICE_ROLE = "service";

    private final InternalApiProperties properties;

    ServiceCallerInterceptor(InternalApiProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true; // not a controller (e.g. a resource handler answering 404)
        }
        ServiceOperation operation = method.getMethodAnnotation(ServiceOperation.class);
        Jwt jwt = currentJwt();
        if (operation == null || jwt == null || !hasServiceRole(jwt.getClaims().get("roles"))) {
            throw new ForbiddenException("This internal operation is open to Bankflow services only.");
        }
        List<String> allowed = operation.value().allowedClients(properties);
        String clientId = clientIdOf(jwt);
        if (clientId == null || !allowed.contains(clientId)) {
            throw new ForbiddenException("This service may not perform this internal operation.");
        }
        return true;
    }

    private static @Nullable Jwt currentJwt() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Jwt jwt ? jwt : null;
    }

    /** Same rule as http-api's {@code Caller.clientId()}: {@code client_id}, else {@code sub}. */
    static @Nullable String clientIdOf(Jwt jwt) {
        Object clientId = jwt.getClaims().get("client_id");
        if (clientId instanceof String value && !value.isBlank()) {
            return value;
        }
        String subject = jwt.getSubject();
        return subject == null || subject.isBlank() ? null : subject;
    }

    /** A JSON array of strings, or one string of names separated by spaces or commas (as http-api reads roles). */
    static boolean hasServiceRole(@Nullable Object rolesClaim) {
        if (rolesClaim instanceof Collection<?> values) {
            return values.contains(SERVICE_ROLE);
        }
        if (rolesClaim instanceof String value) {
            return List.of(value.split("[\\s,]+")).contains(SERVICE_ROLE);
        }
        return false;
    }
}
