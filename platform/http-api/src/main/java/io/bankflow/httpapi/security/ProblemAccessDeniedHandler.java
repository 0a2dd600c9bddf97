package io.bankflow.httpapi.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers an authenticated request that an authorization rule of the filter chain refuses: 403 with the RFC 6750
 * {@code insufficient_scope} challenge and a problem document of type {@code forbidden}. (Role checks in controllers
 * throw {@link ForbiddenException} instead and never get here.)
 */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
    private final ProblemResponder responder;

    ProblemAccessDeniedHandler(ProblemResponder responder) {
        this.responder = responder;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        bearer.handle(request, response, denied);
        responder.respond(request, response, new ForbiddenException("You are not allowed to access this resource."));
    }
}
