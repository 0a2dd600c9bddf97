package io.bankflow.connection.connections.adapter.in.web;

import io.bankflow.connection.connections.application.CompleteAuthorization;
import io.bankflow.connection.connections.domain.BankConnection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Where the bank sends the user back after the consent (public: no bearer token; the single-use state is the
 * credential). A browser gets a small HTML page, any other client JSON. Never cached: the URL carries a code.
 */
@RestController
@Tag(name = "OAuth callback", description = "The bank's redirect back to Bankflow after the user's consent.")
class OAuthCallbackController {

    static final String PATH = "/oauth/callback";

    private final CompleteAuthorization completeAuthorization;

    OAuthCallbackController(CompleteAuthorization completeAuthorization) {
        this.completeAuthorization = completeAuthorization;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements // none: the bank's redirect carries the state, not a token
    @Operation(
            summary = "Complete a bank authorization",
            description = "Called by the user's browser on the bank's redirect (RFC 6749 section 4.1.2). The state"
                    + " must be one this service issued, unused and at most 10 minutes old. error=access_denied (or"
                    + " any error) fails the connection; a code is exchanged by token-vault-service and the"
                    + " connection becomes ACTIVE with a first sync of 90 days requested.")
    @ApiResponse(responseCode = "200", description = "The connection's outcome: ACTIVE or FAILED (with the reason).")
    @ApiResponse(responseCode = "400", description = "Unknown, expired or used state (invalid-oauth-state).")
    @ApiResponse(
            responseCode = "502",
            description = "token-vault-service could not exchange the code now (provider-unavailable); reloading the"
                    + " page retries while the bank's code is valid.")
    ResponseEntity<CallbackResponse> callbackJson(
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String code,
            @RequestParam(required = false) @Nullable String error) {
        CompleteAuthorization.Outcome outcome = completeAuthorization.complete(state, code, error);
        BankConnection connection = outcome.connection();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new CallbackResponse(
                        connection.id(), connection.status().name(), outcome.failureReason(), message(outcome)));
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> callbackHtml(
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String code,
            @RequestParam(required = false) @Nullable String error) {
        CompleteAuthorization.Outcome outcome = completeAuthorization.complete(state, code, error);
        String page = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Bankflow</title></head>
                <body><h1>%s</h1><p>%s</p><p>You can close this window.</p></body></html>
                """.formatted(
                outcome.completed() ? "Bank connected" : "Bank not connected", HtmlUtils.htmlEscape(message(outcome)));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(page);
    }

    private static String message(CompleteAuthorization.Outcome outcome) {
        if (outcome.completed()) {
            return outcome.reauthorization()
                    ? "Your bank account is connected again; statements are on their way."
                    : "Your bank account is connected; the first statements are on their way.";
        }
        return outcome.reauthorization()
                ? "The re-authorization was not completed: " + outcome.failureReason() + " The connection stays "
                        + outcome.connection().status() + "; start the re-authorization again."
                : "The connection was not completed: " + outcome.failureReason();
    }

    /**
     * The outcome of a callback.
     *
     * @param connectionId the connection
     * @param status ACTIVE, FAILED, or (a re-authorization that did not complete) the status it kept
     * @param failureReason why the authorization did not complete
     * @param message for the user
     */
    @Schema(name = "OAuthCallbackResult")
    record CallbackResponse(
            UUID connectionId, String status, @Nullable String failureReason, String message) {}
}
