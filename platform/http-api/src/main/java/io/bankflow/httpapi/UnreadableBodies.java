package io.bankflow.httpapi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Explains why a request body could not be read, in terms of the JSON the client sent: which field, and what it
 * should have been. Jackson's own messages are not used: they name Java classes and echo the rejected value.
 */
final class UnreadableBodies {

    private UnreadableBodies() {}

    static ProblemDetail describe(HttpMessageNotReadableException ex) {
        JacksonException jackson = jacksonCause(ex);
        if (jackson == null) {
            // Spring's own message for an absent body; anything else is a converter we do not know.
            String detail = String.valueOf(ex.getMessage()).startsWith("Required request body is missing")
                    ? "The request body is missing."
                    : "The request body cannot be read.";
            return malformed(detail, List.of());
        }
        if (jackson instanceof StreamReadException) {
            return malformed("The request body is not valid JSON" + where(jackson.getLocation()) + ".", List.of());
        }
        String field = path(jackson.getPath());
        String message;
        if (jackson instanceof PropertyBindingException) {
            message = "is not a known field";
        } else if (jackson instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = expectation(mismatch.getTargetType());
        } else {
            message = "has an invalid value"; // e.g. a record's constructor rejected it
        }
        if (field.isEmpty()) {
            return malformed("The request body " + message + ".", List.of());
        }
        return malformed("Field '" + field + "' " + message + ".", List.of(new FieldViolation(field, message)));
    }

    /** What a value of the given Java type looks like in JSON, phrased to follow a field name. */
    static String expectation(Class<?> type) {
        Class<?> boxed = type.isPrimitive() ? box(type) : type;
        if (boxed.isEnum()) {
            return "must be one of "
                    + Arrays.stream(boxed.getEnumConstants())
                            .map(constant -> ((Enum<?>) constant).name())
                            .collect(Collectors.joining(", ", "[", "]"));
        }
        if (Number.class.isAssignableFrom(boxed)) {
            return "must be a number";
        }
        if (boxed == Boolean.class) {
            return "must be true or false";
        }
        if (boxed == String.class || boxed == Character.class) {
            return "must be a string";
        }
        if (boxed == UUID.class) {
            return "must be a UUID";
        }
        if (boxed == Currency.class) {
            return "must be an ISO 4217 currency code";
        }
        if (boxed == LocalDate.class) {
            return "must be a date (YYYY-MM-DD)";
        }
        if (boxed == Instant.class || boxed == OffsetDateTime.class || boxed == ZonedDateTime.class) {
            return "must be a timestamp with offset (ISO 8601, e.g. 2025-01-31T12:00:00Z)";
        }
        if (boxed == LocalDateTime.class || boxed == LocalTime.class || Temporal.class.isAssignableFrom(boxed)) {
            return "must be an ISO 8601 value";
        }
        if (boxed.isArray() || Collection.class.isAssignableFrom(boxed)) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(boxed)
                || boxed.isRecord()
                || !boxed.getPackageName().startsWith("java.")) {
            return "must be an object";
        }
        return "has an invalid value";
    }

    private static ProblemDetail malformed(String detail, List<FieldViolation> violations) {
        return ProblemDetailsAdvice.contractViolation(
                ProblemTypes.MALFORMED_REQUEST, "Malformed request body", detail, violations);
    }

    private static @Nullable JacksonException jacksonCause(Throwable ex) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }

    /** {@code lines[0].amount} from Jackson's reference chain. */
    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String where(@Nullable TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static Class<?> box(Class<?> primitive) {
        return switch (primitive.getName()) {
            case "boolean" -> Boolean.class;
            case "char" -> Character.class;
            case "void" -> Void.class;
            default -> Number.class; // byte, short, int, long, float, double
        };
    }
}
