package io.bankflow.webhookingest.providers.domain;

/**
 * A delivery whose signature is valid but whose content breaks its provider's format: not JSON, no event id, a value
 * too long to store. The message is written for the provider's operators and never echoes the body.
 */
public class MalformedDeliveryException extends RuntimeException {

    /** @param message what is wrong, e.g. "The body has no 'id'." */
    public MalformedDeliveryException(String message) {
        super(message);
    }
}
