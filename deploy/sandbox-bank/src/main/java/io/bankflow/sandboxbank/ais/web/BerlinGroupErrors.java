package io.bankflow.sandboxbank.ais.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** AIS errors in the Berlin Group's {@code tppMessages} form. */
@RestControllerAdvice(assignableTypes = {ConsentController.class, AccountController.class})
class BerlinGroupErrors {

    @ExceptionHandler(BerlinGroupException.class)
    ResponseEntity<Map<String, Object>> berlinGroup(BerlinGroupException error) {
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON);
        if (error.wwwAuthenticate() != null) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, error.wwwAuthenticate());
        }
        if (error instanceof AccountController.RateLimitedException limited) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
        }
        return response.body(body(error.code(), error.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException error) {
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_JSON)
                .body(body("FORMAT_ERROR", "The body is not valid JSON of the expected shape"));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Map<String, Object>> missingHeader(MissingRequestHeaderException error) {
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_JSON)
                .body(body("FORMAT_ERROR", "The header " + error.getHeaderName() + " is missing"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException error) {
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_JSON)
                .body(body("FORMAT_ERROR", "The parameter " + error.getName() + " has a wrong format"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException error) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body("FORMAT_ERROR", "Send application/json"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException error) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body("SERVICE_INVALID", "The method is not supported for this resource"));
    }

    static Map<String, Object> body(String code, String text) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("category", "ERROR");
        message.put("code", code);
        message.put("text", text.length() > 500 ? text.substring(0, 500) : text);
        return Map.of("tppMessages", List.of(message));
    }
}
