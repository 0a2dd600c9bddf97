package io.bankflow.kafkaevents.consumer;

/**
 * Thrown by a listener for an event that can never be processed, however often it is retried (it breaks a rule of
 * its contract, refers to something that cannot exist, ...). The error handler skips the retries and sends the record
 * straight to its dead-letter topic.
 */
public class NonRetryableEventException extends RuntimeException {

    public NonRetryableEventException(String message) {
        super(message);
    }

    public NonRetryableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
