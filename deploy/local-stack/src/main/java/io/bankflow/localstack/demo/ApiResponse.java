package io.bankflow.localstack.demo;

import java.net.http.HttpHeaders;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One answer of an HTTP API, kept whole so callers can check the status, the headers and the body (problem+json
 * included). {@code toString} names the request and status only: bodies may carry secrets created for the caller.
 *
 * @param method the request's method
 * @param path the request's path
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the response body as text (empty when there is none)
 */
public record ApiResponse(String method, String path, int status, HttpHeaders headers, String body) {

    /** The body parsed as JSON (a missing node when it is empty). */
    public JsonNode json() {
        return Json.tree(body);
    }

    /** The body mapped to {@code type}. */
    public <T> T as(Class<T> type) {
        return Json.read(body, type);
    }

    /** The body mapped to a generic type (a page of items). */
    public <T> T as(tools.jackson.core.type.TypeReference<T> type) {
        return Json.read(body, type);
    }

    /** The media type without parameters, e.g. {@code application/problem+json}. */
    public Optional<String> contentType() {
        return headers.firstValue("Content-Type")
                .map(value -> value.split(";", 2)[0].strip().toLowerCase(Locale.ROOT));
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public boolean isProblem() {
        return contentType().filter("application/problem+json"::equals).isPresent();
    }

    /** The RFC 9457 problem in the body, when it is one. */
    public Optional<Api.Problem> problem() {
        return isProblem() ? Optional.of(as(Api.Problem.class)) : Optional.empty();
    }

    /** What went wrong, for messages: status, and the problem's type, title and detail when there is one. */
    public String describe() {
        StringBuilder text = new StringBuilder(method + " " + path + " answered " + status);
        problem().ifPresent(problem -> {
            text.append(" ").append(problem.type());
            if (problem.detail() != null) {
                text.append(": ").append(problem.detail());
            } else if (problem.title() != null) {
                text.append(": ").append(problem.title());
            }
        });
        return text.toString();
    }

    @Override
    public String toString() {
        return "ApiResponse[" + method + " " + path + " -> " + status + "]";
    }
}
