package io.bankflow.avroserde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The registry answered a request with an error. The message names the registry, the request, the subject or id, the
 * HTTP status and the registry's own message, never credentials.
 */
public class SchemaRegistryException extends SerializationException {

    private static final long serialVersionUID = 1L;

    /** Confluent's error code for "subject not found". */
    public static final int SUBJECT_NOT_FOUND = 40401;

    /** Confluent's error code for "schema not found" (by id, or under a subject). */
    public static final int SCHEMA_NOT_FOUND = 40403;

    private final int httpStatus;
    private final int errorCode;

    SchemaRegistryException(String message, int httpStatus, int errorCode) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /** The HTTP status the registry answered with. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The registry's {@code error_code}, or -1 when its answer had none. */
    public int errorCode() {
        return errorCode;
    }

    /** Whether the subject, the schema or the id does not exist in the registry (HTTP 404). */
    public boolean isNotFound() {
        return httpStatus == 404;
    }
}
