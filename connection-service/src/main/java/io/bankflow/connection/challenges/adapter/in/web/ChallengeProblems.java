package io.bankflow.connection.challenges.adapter.in.web;

import io.bankflow.connection.challenges.domain.ChallengeType;
import io.bankflow.connection.challenges.domain.TwoFactorChallenge;
import io.bankflow.httpapi.ApiException;
import org.springframework.http.HttpStatus;

/**
 * The answers to verification attempts that did not verify. None names the code that was sent.
 *
 * <ul>
 *   <li>422 {@code otp-rejected}: wrong code, attempts left ({@code attemptsLeft});
 *   <li>409 {@code challenge-attempts-exhausted}: the last attempt was wrong, or it had failed so before: no code is
 *       checked any more;
 *   <li>409 {@code challenge-failed}: the push was denied;
 *   <li>409 {@code challenge-already-verified};
 *   <li>410 {@code challenge-expired}: past its expiry, it will never verify (nothing is checked or counted).
 * </ul>
 */
final class ChallengeProblems extends ApiException {

    private ChallengeProblems(HttpStatus status, String slug, String title, String detail, TwoFactorChallenge c) {
        super(status, slug, title, detail, null);
        withProperty("challengeId", c.id().toString());
        // Not "status": RFC 9457 reserves it for the HTTP status code.
        withProperty("challengeStatus", c.status().name());
        withProperty("attemptsLeft", c.attemptsLeft());
    }

    /** The problem for an attempt that did not verify. */
    static ChallengeProblems of(TwoFactorChallenge.Attempt attempt) {
        TwoFactorChallenge c = attempt.challenge();
        return switch (attempt.outcome()) {
            case REJECTED ->
                new ChallengeProblems(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "otp-rejected",
                        "Wrong code",
                        "The code is not the one the user was sent; " + c.attemptsLeft() + " attempt(s) left.",
                        c);
            case EXHAUSTED -> exhausted(c);
            case ALREADY_FAILED ->
                c.type() == ChallengeType.OTP
                        ? exhausted(c)
                        : new ChallengeProblems(
                                HttpStatus.CONFLICT,
                                "challenge-failed",
                                "Challenge failed",
                                "The user denied the approval; the bank must start a new challenge.",
                                c);
            case ALREADY_VERIFIED ->
                new ChallengeProblems(
                        HttpStatus.CONFLICT,
                        "challenge-already-verified",
                        "Challenge already verified",
                        "The challenge was verified before; nothing was checked.",
                        c);
            case EXPIRED ->
                new ChallengeProblems(
                        HttpStatus.GONE,
                        "challenge-expired",
                        "Challenge expired",
                        "The challenge expired at " + c.expiresAt() + "; the bank must start a new one.",
                        c);
            case VERIFIED, DENIED -> throw new IllegalArgumentException("Not a problem: " + attempt.outcome());
        };
    }

    private static ChallengeProblems exhausted(TwoFactorChallenge c) {
        return new ChallengeProblems(
                HttpStatus.CONFLICT,
                "challenge-attempts-exhausted",
                "No attempts left",
                "All " + c.maxAttempts()
                        + " attempts were used; the challenge failed and the bank must start a new one.",
                c);
    }
}
