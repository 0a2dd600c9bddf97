package io.bankflow.sync.jobs.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Why a job failed, safe to show and log: a stable code consumers branch on, a message for people, and whether the
 * same job may succeed later without anyone changing anything.
 *
 * @param code UPPER_SNAKE_CASE, e.g. PROVIDER_UNAVAILABLE, RATE_LIMITED, CONSENT_EXPIRED
 * @param message never a token, credential or raw provider response
 * @param retryable whether trying again later may succeed
 */
public record SyncFailure(String code, String message, boolean retryable) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final int MAX_MESSAGE = 500;

    public SyncFailure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("failure code must be UPPER_SNAKE_CASE: " + code);
        }
        message = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
    }
}
