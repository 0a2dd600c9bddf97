package io.bankflow.httpapi.security;

import io.bankflow.httpapi.ApiException;
import io.bankflow.httpapi.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * A failed authentication, answered as a problem document by the same advice as every other error: 401 {@code
 * unauthorized}, or 400 {@code bad-request} when the token was sent in a way RFC 6750 forbids (e.g. twice).
 */
final class SecurityProblem extends ApiException {

    private SecurityProblem(HttpStatus status, String slug, String title, String detail) {
        super(status, slug, title, detail, null);
    }

    static SecurityProblem missingToken() {
        return unauthorized("This resource requires an access token: send it as 'Authorization: Bearer <token>'.");
    }

    static SecurityProblem invalidToken() {
        // Deliberately the same for every reason (signature, issuer, expiry, claims): the WWW-Authenticate header
        // carries the OAuth2 error code and description for the client's developer.
        return unauthorized("The access token is invalid or has expired.");
    }

    static SecurityProblem forStatus(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> invalidToken();
            case BAD_REQUEST ->
                new SecurityProblem(
                        status,
                        ProblemTypes.BAD_REQUEST,
                        "Bad request",
                        "The access token must be sent once, in the Authorization header.");
            default ->
                new SecurityProblem(
                        status,
                        ProblemTypes.FORBIDDEN,
                        "Forbidden",
                        "The access token does not allow access to this resource.");
        };
    }

    private static SecurityProblem unauthorized(String detail) {
        return new SecurityProblem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized", detail);
    }
}
