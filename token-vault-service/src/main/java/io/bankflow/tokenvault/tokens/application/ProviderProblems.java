package io.bankflow.tokenvault.tokens.application;

import io.bankflow.httpapi.ApiException;
import io.bankflow.httpapi.UnprocessableException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** The problem documents of talking to a provider's token endpoint. Details never carry a code or a token. */
public final class ProviderProblems {

    /** 422: the provider said {@code invalid_grant} to an authorization code (expired, replayed, foreign). */
    public static final String AUTHORIZATION_CODE_REJECTED = "authorization-code-rejected";

    /** 502: the provider could not be reached, timed out or failed. */
    public static final String PROVIDER_UNAVAILABLE = "provider-unavailable";

    /** 502: the provider refused the request for another reason than a dead grant (Bankflow's client setup). */
    public static final String PROVIDER_REFUSED = "provider-refused";

    /** 422: no token endpoint is configured for the provider named. */
    public static final String UNKNOWN_PROVIDER = "unknown-provider";

    private ProviderProblems() {}

    static ApiException authorizationCodeRejected(String provider) {
        return new UnprocessableException(
                AUTHORIZATION_CODE_REJECTED,
                "Authorization code rejected",
                "The provider " + provider + " rejected the authorization code (invalid_grant): it expired, was"
                        + " already used, or does not match the verifier or redirect URI. The customer has to"
                        + " authorise again.");
    }

    static ApiException unknownProvider(String provider) {
        return new UnprocessableException(
                UNKNOWN_PROVIDER, "Unknown provider", "No token endpoint is configured for provider " + provider + ".");
    }

    static ApiException unavailable(String provider, @Nullable Throwable cause) {
        return new BadGateway(
                PROVIDER_UNAVAILABLE,
                "Provider unavailable",
                "The token endpoint of provider " + provider + " could not be reached or failed; try again later.",
                cause);
    }

    static ApiException refused(String provider, String errorCode, Throwable cause) {
        return new BadGateway(
                PROVIDER_REFUSED,
                "Provider refused the request",
                "The token endpoint of provider " + provider + " refused the request (" + errorCode + ").",
                cause);
    }

    /** 502 Bad Gateway with a problem type of its own. */
    static final class BadGateway extends ApiException {

        BadGateway(String slug, String title, String detail, @Nullable Throwable cause) {
            super(HttpStatus.BAD_GATEWAY, slug, title, detail, cause);
        }
    }
}
