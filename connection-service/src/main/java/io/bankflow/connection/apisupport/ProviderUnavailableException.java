package io.bankflow.connection.apisupport;

import io.bankflow.httpapi.ApiException;
import org.springframework.http.HttpStatus;

/** A bank or provider we depend on could not answer: 502 {@code provider-unavailable}; retrying later may work. */
public class ProviderUnavailableException extends ApiException {

    /**
     * @param detail what could not be done, for the API user (no bank internals)
     * @param cause what went wrong (logged, never sent)
     */
    public ProviderUnavailableException(String detail, Throwable cause) {
        super(HttpStatus.BAD_GATEWAY, "provider-unavailable", "Provider unavailable", detail, cause);
    }
}
