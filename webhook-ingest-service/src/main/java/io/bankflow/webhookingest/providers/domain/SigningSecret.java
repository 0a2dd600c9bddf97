package io.bankflow.webhookingest.providers.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A webhook signing secret in the form its provider presents it (e.g. {@code whsec_...}).
 *
 * <p>Deliberately not a record: {@link #toString()} never shows the value, so a secret that reaches a log line or an
 * exception message by accident stays secret. Equality is constant-time.
 */
public final class SigningSecret {

    private final String value;

    private SigningSecret(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret.
     *
     * @param value the secret as its provider presents it; not blank
     * @return the secret
     */
    public static SigningSecret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("A signing secret must not be blank");
        }
        return new SigningSecret(value);
    }

    /** The secret itself: only for computing signatures, encrypting it, and the one response that creates it. */
    public String reveal() {
        return value;
    }

    /** The secret as UTF-8 bytes (what encryption stores). */
    public byte[] utf8() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** Constant-time comparison, so comparing a presented secret with a stored one leaks nothing through timing. */
    public boolean sameAs(SigningSecret other) {
        return MessageDigest.isEqual(utf8(), other.utf8());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningSecret secret && sameAs(secret);
    }

    @Override
    public int hashCode() {
        return 0; // never derived from the value; secrets are not meant to be hash keys
    }

    @Override
    public String toString() {
        return "SigningSecret[redacted]";
    }
}
