package io.bankflow.httpapi;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Replaces Boot's {@code BasicErrorController}, so that what the servlet container renders on its error page (an
 * exception thrown by a filter, a {@code sendError} outside Spring MVC) is a problem document too, never Boot's JSON
 * or Whitelabel HTML.
 *
 * <p>A direct request to the error path is answered as what it is from the client's point of view: an unknown
 * endpoint (404).
 */
@RestController
@RequestMapping("${spring.web.error.path:${error.path:/error}}")
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ErrorAttributes errorAttributes;

    ProblemErrorController(ErrorAttributes errorAttributes) {
        this.errorAttributes = errorAttributes;
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        String path = originalPath(request);
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)) {
            return respond(Problems.notFound(request.getMethod(), path), HttpStatus.NOT_FOUND, request, path);
        }
        Throwable error = unwrap(errorAttributes.getError(new ServletWebRequest(request)));
        if (error instanceof ErrorResponse response) { // e.g. a ResponseStatusException thrown by a filter
            return respond(response.getBody(), response.getStatusCode(), request, path);
        }
        HttpStatusCode status = HttpStatusCode.valueOf(code);
        if (status.is5xxServerError()) {
            log.error(
                    "{} {} failed with {} outside Spring MVC [requestId={}]",
                    request.getMethod(),
                    path,
                    code,
                    Problems.requestId(request),
                    error);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ProblemDetailsAdvice.UNEXPECTED_DETAIL);
            return respond(problem, status, request, path);
        }
        if (code == HttpStatus.NOT_FOUND.value()) {
            return respond(Problems.notFound(request.getMethod(), path), status, request, path);
        }
        // The container's error message is not sent: it may come from any component and echo request content.
        return respond(ProblemDetail.forStatusAndDetail(status, Problems.genericDetail(status)), status, request, path);
    }

    private static ResponseEntity<ProblemDetail> respond(
            ProblemDetail problem, HttpStatusCode status, HttpServletRequest request, String path) {
        Problems.complete(problem, status, path, Problems.requestId(request));
        return ResponseEntity.status(status).body(problem);
    }

    private static String originalPath(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                ? uri
                : request.getRequestURI();
    }

    private static @Nullable Throwable unwrap(@Nullable Throwable error) {
        Throwable current = error;
        while (current instanceof ServletException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
