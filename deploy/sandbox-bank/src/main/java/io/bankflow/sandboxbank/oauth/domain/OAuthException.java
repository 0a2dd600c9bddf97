package io.bankflow.sandboxbank.oauth.domain;

/**
 * An RFC 6749 error: answered as {@code {"error", "error_description"}} by the token and revocation endpoints
 * (section 5.2), or as a redirect with {@code error} by the authorization endpoint (section 4.1.2.1).
 */
public class OAuthException extends RuntimeException {

    private final String error;
    private final int status;

    public OAuthException(int status, String error, String description) {
        super(description);
        this.status = status;
        this.error = error;
    }

    public static OAuthException invalidRequest(String description) {
        return new OAuthException(400, "invalid_request", description);
    }

    public static OAuthException invalidGrant(String description) {
        return new OAuthException(400, "invalid_grant", description);
    }

    public static OAuthException invalidClient(String description) {
        return new OAuthException(401, "invalid_client", description);
    }

    public String error() {
        return error;
    }

    public int status() {
        return status;
    }
}
