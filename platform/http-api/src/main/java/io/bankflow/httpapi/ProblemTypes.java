package io.bankflow.httpapi;

import java.net.URI;
import org.springframework.http.HttpStatusCode;

/**
 * The {@code type} URIs of Bankflow problem documents: {@value #BASE}{@code <slug>}.
 *
 * <p>The type is the stable, machine-readable identity of a problem; clients switch on it, never on {@code title}
 * or {@code detail}. A slug, once published, keeps its meaning. Services may mint their own slugs for domain
 * problems (e.g. {@code consent-expired}) through {@link #of(String)}.
 */
public final class ProblemTypes {

    /** Every Bankflow problem type starts with this. */
    public static final String BASE = "https://bankflow.io/problems/";

    /** The request does not satisfy the API contract: a field violates its constraints (400). */
    public static final String VALIDATION_FAILED = "validation-failed";
    /** The body cannot be read: not JSON, or a value of the wrong type (400). */
    public static final String MALFORMED_REQUEST = "malformed-request";
    /** A path, query or header parameter is missing or cannot be converted (400). */
    public static final String INVALID_PARAMETER = "invalid-parameter";
    /** Any other client error without a more specific type (400). */
    public static final String BAD_REQUEST = "bad-request";
    /** Authentication is missing or invalid (401). */
    public static final String UNAUTHORIZED = "unauthorized";
    /** The caller may not do this (403). */
    public static final String FORBIDDEN = "forbidden";
    /** No such endpoint, or no such resource visible to the caller (404). */
    public static final String NOT_FOUND = "not-found";
    /** The endpoint exists but not for this HTTP method (405). */
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    /** No representation in a media type the caller accepts (406). */
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    /** The request conflicts with the current state of the resource (409). */
    public static final String CONFLICT = "conflict";
    /** The body is too large (413). */
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    /** The body's media type is not supported by the endpoint (415). */
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    /** The request is valid but a business rule prevents carrying it out (422). */
    public static final String UNPROCESSABLE = "unprocessable";
    /** Too many requests (429). */
    public static final String TOO_MANY_REQUESTS = "too-many-requests";
    /** An unexpected failure on our side (500). */
    public static final String INTERNAL_ERROR = "internal-error";
    /** A dependency is unavailable; retry later (503). */
    public static final String SERVICE_UNAVAILABLE = "service-unavailable";

    private ProblemTypes() {}

    /**
     * The type URI for a slug.
     *
     * @param slug lower-case words joined by hyphens
     * @return {@value #BASE}{@code slug}
     * @throws IllegalArgumentException if the slug is not lower-case kebab case
     */
    public static URI of(String slug) {
        if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("Problem type slug must be kebab-case: " + slug);
        }
        return URI.create(BASE + slug);
    }

    /**
     * The generic type for a status when nothing more specific is known.
     *
     * @param status an error status
     * @return a type under {@value #BASE}
     */
    public static URI forStatus(HttpStatusCode status) {
        return of(slugForStatus(status));
    }

    static String slugForStatus(HttpStatusCode status) {
        // By number: HttpStatus has deprecated aliases for 413 and 422, and unknown codes must work too.
        return switch (status.value()) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE;
            case 429 -> TOO_MANY_REQUESTS;
            case 502, 503, 504 -> SERVICE_UNAVAILABLE;
            default -> status.is4xxClientError() ? BAD_REQUEST : INTERNAL_ERROR;
        };
    }
}
