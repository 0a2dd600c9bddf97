package io.bankflow.sync.statements.application.port.out;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A provider call that did not give an answer to use, classified. The message is safe to log and show: it names the
 * kind, HTTP status and the provider's error codes, never tokens or response bodies.
 */
public final class ProviderFailure extends RuntimeException {

    /** What went wrong, in terms a sync job decides on. */
    public enum Kind {
        /** The access token is missing, unknown, revoked or of another consent: get a new one. */
        TOKEN_INVALID(false),
        /** The access token expired: refresh it and try again. */
        TOKEN_EXPIRED(true),
        /** The consent is unknown, not (yet) valid, revoked or does not cover the resource: the user must act. */
        CONSENT_INVALID(false),
        /** The consent lapsed: the user must re-authorise. */
        CONSENT_EXPIRED(false),
        /** Too many calls (429): try again after {@link #retryAfter()}. */
        RATE_LIMITED(true),
        /** A temporary fault at the provider or on the way (5xx, 408, timeouts, connection errors). */
        TRANSIENT(true),
        /** The provider refused the request itself (other 4xx): something here must change. */
        REJECTED(false),
        /** The answer could not be understood (not JSON, an unexpected shape, a page loop). */
        INVALID_RESPONSE(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        /** Whether the same call may succeed later without anyone changing anything. */
        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final int httpStatus;
    private final @Nullable Duration retryAfter;

    public ProviderFailure(Kind kind, int httpStatus, @Nullable Duration retryAfter, String message) {
        this(kind, httpStatus, retryAfter, message, null);
    }

    public ProviderFailure(
            Kind kind, int httpStatus, @Nullable Duration retryAfter, String message, @Nullable Throwable cause) {
        super(kind + ": " + message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, 0 when no answer came. */
    public int httpStatus() {
        return httpStatus;
    }

    /** When the provider said to try again (429 {@code Retry-After}). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean retryable() {
        return kind.retryable();
    }
}
