package io.bankflow.tokenvault.tokens.domain;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A provider token in clear (access or refresh token). Exists only in memory, between a request and its encryption or
 * between a decryption and the response; {@link #toString()} never shows it, so a log line or an exception message that
 * mentions one by accident stays harmless.
 */
public final class TokenValue {

    private final String value;

    private TokenValue(String value) {
        this.value = value;
    }

    /**
     * @param value the token as the provider issued it
     * @return the token
     * @throws IllegalArgumentException when it is blank (the message does not quote it)
     */
    public static TokenValue of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("A token cannot be blank");
        }
        return new TokenValue(value);
    }

    /** @return the token, for the one place that must send it: the response to its authorised caller */
    public String reveal() {
        return value;
    }

    /** @return the token in UTF-8, to be encrypted */
    public byte[] utf8() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenValue that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "TokenValue[redacted]";
    }
}
