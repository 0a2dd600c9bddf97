package io.bankflow.connection.challenges.adapter.in.web;

import io.bankflow.connection.apisupport.InvalidFieldException;
import io.bankflow.connection.challenges.ChallengesProperties;
import io.bankflow.connection.challenges.application.CreateChallenge;
import io.bankflow.connection.challenges.application.GetChallenges;
import io.bankflow.connection.challenges.application.VerifyChallenge;
import io.bankflow.connection.challenges.domain.ChallengeType;
import io.bankflow.connection.challenges.domain.OtpHash;
import io.bankflow.connection.challenges.domain.TwoFactorChallenge;
import io.bankflow.httpapi.FieldViolation;
import io.bankflow.httpapi.paging.PageSizes;
import io.bankflow.httpapi.security.Caller;
import io.bankflow.httpapi.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Two-factor challenges of a connection. Creating and verifying need the {@code finance} or {@code admin} role; any
 * caller of the organisation may read. Another organisation's connection or challenge is not found. No answer, log
 * line or audit entry ever holds the code.
 */
@RestController
@RequestMapping(path = "/api/banking/connections/{id}/challenges", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Two-factor challenges",
        description = "OTP and push challenges a bank asks of a connection's user: attempts, expiry and outcome.")
@ApiResponse(responseCode = "404", description = "No such connection or challenge in the caller's organisation.")
class ChallengeController {

    private final CreateChallenge createChallenge;
    private final VerifyChallenge verifyChallenge;
    private final GetChallenges getChallenges;
    private final ChallengesProperties properties;

    ChallengeController(
            CreateChallenge createChallenge,
            VerifyChallenge verifyChallenge,
            GetChallenges getChallenges,
            ChallengesProperties properties) {
        this.createChallenge = createChallenge;
        this.verifyChallenge = verifyChallenge;
        this.getChallenges = getChallenges;
        this.properties = properties;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Record a challenge",
            description = "When the bank asks the user for an OTP (or a push approval). For OTP, the code the user was"
                    + " sent is given once and kept only as a salted hash while the challenge is pending. Requires the"
                    + " finance or admin role.")
    @ApiResponse(responseCode = "201", description = "Created, PENDING.")
    @ApiResponse(responseCode = "400", description = "A field is wrong (errors names each; no value is echoed).")
    ResponseEntity<ChallengeResponse> create(
            Caller caller, @PathVariable UUID id, @RequestBody CreateChallengeRequest request) {
        caller.requireAnyOf(Role.FINANCE, Role.ADMIN);
        TwoFactorChallenge challenge = createChallenge.create(command(caller, id, request));
        return ResponseEntity.created(URI.create("/api/banking/connections/" + id + "/challenges/" + challenge.id()))
                .body(ChallengeResponse.of(challenge));
    }

    @PostMapping(path = "/{challengeId}/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Verify a challenge",
            description = "OTP: {otp} as the user typed it; PUSH: {approved}. 200 with the challenge when the attempt"
                    + " settled it (VERIFIED, or FAILED for a denied push). Requires the finance or admin role.")
    @ApiResponse(responseCode = "200", description = "VERIFIED (or FAILED: push denied).")
    @ApiResponse(responseCode = "400", description = "otp for a PUSH challenge, approved for an OTP one, or neither.")
    @ApiResponse(
            responseCode = "409",
            description = "No attempts left (challenge-attempts-exhausted: also the answer to the last wrong code),"
                    + " denied push (challenge-failed), or already verified (challenge-already-verified).")
    @ApiResponse(responseCode = "410", description = "Expired (challenge-expired); nothing checked or counted.")
    @ApiResponse(responseCode = "422", description = "Wrong code, attempts left (otp-rejected, with attemptsLeft).")
    ChallengeResponse verify(
            Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID challengeId,
            @RequestBody VerifyChallengeRequest request) {
        caller.requireAnyOf(Role.FINANCE, Role.ADMIN);
        TwoFactorChallenge.Attempt attempt;
        try {
            attempt = verifyChallenge.verify(
                    caller.orgId(), id, challengeId, caller.clientId(), request.otp(), request.approved());
        } catch (VerifyChallenge.WrongAnswerTypeException wrong) {
            throw wrong.type() == ChallengeType.OTP
                    ? new InvalidFieldException(List.of(
                            new FieldViolation("otp", "is required for an OTP challenge"),
                            new FieldViolation("approved", "is only for PUSH challenges")))
                    : new InvalidFieldException(List.of(
                            new FieldViolation("approved", "is required for a PUSH challenge"),
                            new FieldViolation("otp", "is only for OTP challenges")));
        }
        return switch (attempt.outcome()) {
            case VERIFIED, DENIED -> ChallengeResponse.of(attempt.challenge());
            default -> throw ChallengeProblems.of(attempt);
        };
    }

    @GetMapping
    @Operation(summary = "List a connection's challenges", description = "Newest first.")
    List<ChallengeResponse> list(
            Caller caller,
            @PathVariable UUID id,
            @Parameter(description = "How many, 1 to 100 (default 50).") @RequestParam(required = false) @Nullable
                    Integer limit) {
        return getChallenges.list(caller.orgId(), id, PageSizes.resolve(limit)).stream()
                .map(ChallengeResponse::of)
                .toList();
    }

    @GetMapping("/{challengeId}")
    @Operation(summary = "Get a challenge")
    ChallengeResponse get(Caller caller, @PathVariable UUID id, @PathVariable UUID challengeId) {
        return ChallengeResponse.of(getChallenges.get(caller.orgId(), id, challengeId));
    }

    private CreateChallenge.Command command(Caller caller, UUID id, CreateChallengeRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        ChallengeType type = null;
        if (request.type() == null || request.type().isBlank()) {
            violations.add(new FieldViolation("type", "is required"));
        } else {
            try {
                type = ChallengeType.valueOf(request.type().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("type", "must be OTP or PUSH"));
            }
        }
        if (type == ChallengeType.OTP) {
            if (request.otp() == null) {
                violations.add(new FieldViolation("otp", "is required for OTP"));
            } else if (!OtpHash.wellFormed(request.otp())) {
                violations.add(new FieldViolation("otp", "must be 4 to 16 letters or digits"));
            }
        } else if (type == ChallengeType.PUSH && request.otp() != null) {
            violations.add(new FieldViolation("otp", "is only for OTP"));
        }
        long maxSeconds = properties.maxTtl().toSeconds();
        Duration ttl = properties.defaultTtl();
        if (request.expiresInSeconds() != null) {
            if (request.expiresInSeconds() < 10 || request.expiresInSeconds() > maxSeconds) {
                violations.add(new FieldViolation("expiresInSeconds", "must be between 10 and " + maxSeconds));
            } else {
                ttl = Duration.ofSeconds(request.expiresInSeconds());
            }
        }
        int maxAttempts = properties.defaultMaxAttempts();
        if (request.maxAttempts() != null) {
            if (request.maxAttempts() < 1 || request.maxAttempts() > TwoFactorChallenge.MAX_ATTEMPTS_LIMIT) {
                violations.add(new FieldViolation(
                        "maxAttempts", "must be between 1 and " + TwoFactorChallenge.MAX_ATTEMPTS_LIMIT));
            } else {
                maxAttempts = request.maxAttempts();
            }
        }
        if (!violations.isEmpty() || type == null) {
            throw new InvalidFieldException(violations);
        }
        return new CreateChallenge.Command(
                caller.orgId(), id, caller.clientId(), type, request.otp(), ttl, maxAttempts);
    }
}
