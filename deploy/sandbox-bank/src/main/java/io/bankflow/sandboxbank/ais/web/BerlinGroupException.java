package io.bankflow.sandboxbank.ais.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * An AIS error answered as the Berlin Group's {@code tppMessages} (e.g. {@code Error401_NG_AIS}): category
 * {@code ERROR}, a message code of the spec ({@code FORMAT_ERROR}, {@code CONSENT_INVALID}, {@code TOKEN_INVALID},
 * {@code ACCESS_EXCEEDED}, ...) and a text.
 */
class BerlinGroupException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final @Nullable String wwwAuthenticate;

    BerlinGroupException(HttpStatus status, String code, String text) {
        this(status, code, text, null);
    }

    BerlinGroupException(HttpStatus status, String code, String text, @Nullable String wwwAuthenticate) {
        super(text);
        this.status = status;
        this.code = code;
        this.wwwAuthenticate = wwwAuthenticate;
    }

    static BerlinGroupException formatError(String text) {
        return new BerlinGroupException(HttpStatus.BAD_REQUEST, "FORMAT_ERROR", text);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    @Nullable
    String wwwAuthenticate() {
        return wwwAuthenticate;
    }
}
