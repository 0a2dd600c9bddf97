package io.bankflow.localstack.demo;

import java.util.Objects;

/**
 * A bearer token for the gateway. {@code toString} never shows it: the demo prints what it does, never a credential.
 *
 * @param value the token as the issuer issued it
 */
public record AccessToken(String value) {

    public AccessToken {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "AccessToken[hidden]";
    }
}
