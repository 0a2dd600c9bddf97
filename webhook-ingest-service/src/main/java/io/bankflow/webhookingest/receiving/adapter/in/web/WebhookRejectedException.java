package io.bankflow.webhookingest.receiving.adapter.in.web;

import io.bankflow.httpapi.ApiException;
import io.bankflow.httpapi.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * A refused delivery as a problem document. The detail names the check that failed (for the provider's operators
 * debugging their set-up) and never echoes a secret, a signature or the body.
 */
class WebhookRejectedException extends ApiException {

    /** Signature or a header it needs missing, malformed, or not matching. */
    static final String SIGNATURE_INVALID = "webhook-signature-invalid";
    /** Authentic, but signed outside the timestamp tolerance. */
    static final String TIMESTAMP_OUT_OF_TOLERANCE = "webhook-timestamp-out-of-tolerance";

    private WebhookRejectedException(HttpStatus status, String slug, String title, String detail) {
        super(status, slug, title, detail, null);
    }

    static WebhookRejectedException unknownEndpoint(String detail) {
        return new WebhookRejectedException(
                HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Webhook endpoint not found", detail);
    }

    static WebhookRejectedException signatureInvalid(String detail) {
        return new WebhookRejectedException(
                HttpStatus.UNAUTHORIZED, SIGNATURE_INVALID, "Webhook signature invalid", detail);
    }

    static WebhookRejectedException timestampOutOfTolerance(String detail) {
        return new WebhookRejectedException(
                HttpStatus.UNAUTHORIZED,
                TIMESTAMP_OUT_OF_TOLERANCE,
                "Webhook timestamp outside the tolerance",
                detail + " Deliveries are refused when signed too long ago, as protection against replays.");
    }

    static WebhookRejectedException malformed(String detail) {
        return new WebhookRejectedException(
                HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed webhook", detail);
    }

    static WebhookRejectedException tooLarge(long maxBytes) {
        return new WebhookRejectedException(
                HttpStatus.CONTENT_TOO_LARGE,
                ProblemTypes.PAYLOAD_TOO_LARGE,
                "Webhook too large",
                "The body is larger than " + maxBytes + " bytes, the most this endpoint accepts.");
    }
}
