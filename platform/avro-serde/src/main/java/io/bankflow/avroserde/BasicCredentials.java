package io.bankflow.avroserde;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * HTTP basic credentials for the registry, {@code user:password}. Never printed: {@link #toString()} is redacted and
 * {@link #redact(String)} scrubs them from any text before it reaches a message or a log.
 */
public final class BasicCredentials {

    private static final String MASK = "[redacted]";

    private final String userInfo;

    private BasicCredentials(String userInfo) {
        this.userInfo = userInfo;
    }

    /**
     * Credentials from Confluent's {@code user:password} form. The password may contain colons; the user may not.
     *
     * @throws IllegalArgumentException if there is no colon or the user is empty (the message never repeats the value)
     */
    public static BasicCredentials parse(String userInfo) {
        Objects.requireNonNull(userInfo, "userInfo");
        int colon = userInfo.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("basic auth user info must have the form user:password");
        }
        return new BasicCredentials(userInfo);
    }

    /** The user name, which may appear in messages. */
    public String user() {
        return userInfo.substring(0, userInfo.indexOf(':'));
    }

    /** The value of an {@code Authorization} header. */
    String authorizationHeader() {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code text} with the password, the user info and its Base64 form replaced by a mask. */
    String redact(String text) {
        if (text == null) {
            return null;
        }
        String password = userInfo.substring(userInfo.indexOf(':') + 1);
        String redacted = text.replace(userInfo, MASK)
                .replace(Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)), MASK);
        return password.isEmpty() ? redacted : redacted.replace(password, MASK);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BasicCredentials that && userInfo.equals(that.userInfo);
    }

    @Override
    public int hashCode() {
        return userInfo.hashCode();
    }

    @Override
    public String toString() {
        return "BasicCredentials[user=" + user() + ", password=" + MASK + "]";
    }
}
