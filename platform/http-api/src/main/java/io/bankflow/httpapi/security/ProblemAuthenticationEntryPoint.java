package io.bankflow.httpapi.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a request without a usable access token: the status and {@code WWW-Authenticate} challenge of RFC 6750
 * (computed by Spring Security's {@link BearerTokenAuthenticationEntryPoint}) with a problem document as body. The
 * body never repeats the token or the reason it was rejected in detail; the challenge carries the OAuth2 error code.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final ProblemResponder responder;

    ProblemAuthenticationEntryPoint(ProblemResponder responder) {
        this.responder = responder;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        bearer.commence(request, response, failure); // sets the status and the WWW-Authenticate header
        SecurityProblem problem = failure instanceof OAuth2AuthenticationException
                ? SecurityProblem.forStatus(HttpStatus.valueOf(response.getStatus()))
                : SecurityProblem.missingToken();
        responder.respond(request, response, problem);
    }
}
