package io.bankflow.connection.challenges.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A second factor a bank asked of a connection's user, with its attempts and outcome.
 *
 * <pre>
 * PENDING --right code / push approved-----------------> VERIFIED
 * PENDING --wrong code, attempts left------------------> PENDING (attempts + 1)
 * PENDING --wrong code, last attempt / push denied-----> FAILED
 * PENDING --expiresAt passed---------------------------> EXPIRED
 * </pre>
 *
 * The OTP's hash is held only while PENDING; every final status erases it. An expired challenge counts no attempt.
 *
 * @param id the challenge's id
 * @param orgId the organisation
 * @param connectionId the connection it belongs to
 * @param type OTP or PUSH
 * @param status where it is
 * @param attempts verification attempts made (right and wrong)
 * @param maxAttempts attempts allowed
 * @param expiresAt after this it can no longer be verified
 * @param createdAt when it was created
 * @param completedAt when it reached its final status
 * @param otpHash the code's salted hash, for an OTP challenge while PENDING
 */
public record TwoFactorChallenge(
        UUID id,
        String orgId,
        UUID connectionId,
        ChallengeType type,
        ChallengeStatus status,
        int attempts,
        int maxAttempts,
        Instant expiresAt,
        Instant createdAt,
        @Nullable Instant completedAt,
        @Nullable OtpHash otpHash) {

    /** The most attempts a challenge may allow. */
    public static final int MAX_ATTEMPTS_LIMIT = 5;

    public TwoFactorChallenge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(createdAt, "createdAt");
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
            throw new IllegalArgumentException("maxAttempts must be between 1 and " + MAX_ATTEMPTS_LIMIT);
        }
        if (attempts < 0 || attempts > maxAttempts) {
            throw new IllegalArgumentException("attempts must be between 0 and maxAttempts");
        }
        boolean holdsHash = type == ChallengeType.OTP && status == ChallengeStatus.PENDING;
        if (holdsHash != (otpHash != null)) {
            throw new IllegalArgumentException("An OTP hash is held exactly while an OTP challenge is PENDING");
        }
        if ((status == ChallengeStatus.PENDING) != (completedAt == null)) {
            throw new IllegalArgumentException("completedAt is set exactly when the challenge is final");
        }
    }

    /** A new OTP challenge; the code is given only as its hash. */
    public static TwoFactorChallenge otp(
            UUID id, String orgId, UUID connectionId, OtpHash otpHash, int maxAttempts, Duration ttl, Instant now) {
        return new TwoFactorChallenge(
                id,
                orgId,
                connectionId,
                ChallengeType.OTP,
                ChallengeStatus.PENDING,
                0,
                maxAttempts,
                now.plus(ttl),
                now,
                null,
                Objects.requireNonNull(otpHash, "otpHash"));
    }

    /** A new push challenge: approval in the bank's app. */
    public static TwoFactorChallenge push(
            UUID id, String orgId, UUID connectionId, int maxAttempts, Duration ttl, Instant now) {
        return new TwoFactorChallenge(
                id,
                orgId,
                connectionId,
                ChallengeType.PUSH,
                ChallengeStatus.PENDING,
                0,
                maxAttempts,
                now.plus(ttl),
                now,
                null,
                null);
    }

    /** Attempts still allowed (0 once final). */
    public int attemptsLeft() {
        return status == ChallengeStatus.PENDING ? maxAttempts - attempts : 0;
    }

    /** The challenge as it is at {@code now}: EXPIRED (hash erased) when still PENDING past its expiry. */
    public TwoFactorChallenge expireIfDue(Instant now) {
        if (status == ChallengeStatus.PENDING && !now.isBefore(expiresAt)) {
            return with(ChallengeStatus.EXPIRED, attempts, expiresAt);
        }
        return this;
    }

    /**
     * An attempt to verify with a code: the right code verifies it; a wrong one uses an attempt and fails it when it
     * was the last. A challenge that is final (or expires now) is left as it is and the outcome says why.
     *
     * @throws IllegalStateException for a PUSH challenge
     */
    public Attempt verifyOtp(String otp, Instant now) {
        if (type != ChallengeType.OTP) {
            throw new IllegalStateException("Challenge " + id + " is a PUSH challenge: it has no code");
        }
        TwoFactorChallenge current = expireIfDue(now);
        if (current.status != ChallengeStatus.PENDING) {
            return new Attempt(current, Outcome.closed(current.status));
        }
        int made = attempts + 1;
        if (Objects.requireNonNull(otpHash).matches(otp)) {
            return new Attempt(with(ChallengeStatus.VERIFIED, made, now), Outcome.VERIFIED);
        }
        if (made >= maxAttempts) {
            return new Attempt(with(ChallengeStatus.FAILED, made, now), Outcome.EXHAUSTED);
        }
        return new Attempt(
                new TwoFactorChallenge(
                        id, orgId, connectionId, type, status, made, maxAttempts, expiresAt, createdAt, null, otpHash),
                Outcome.REJECTED);
    }

    /**
     * The outcome of a push approval, as the bank reported it.
     *
     * @throws IllegalStateException for an OTP challenge
     */
    public Attempt reportPush(boolean approved, Instant now) {
        if (type != ChallengeType.PUSH) {
            throw new IllegalStateException("Challenge " + id + " is an OTP challenge: it needs the code");
        }
        TwoFactorChallenge current = expireIfDue(now);
        if (current.status != ChallengeStatus.PENDING) {
            return new Attempt(current, Outcome.closed(current.status));
        }
        return approved
                ? new Attempt(with(ChallengeStatus.VERIFIED, attempts + 1, now), Outcome.VERIFIED)
                : new Attempt(with(ChallengeStatus.FAILED, attempts + 1, now), Outcome.DENIED);
    }

    private TwoFactorChallenge with(ChallengeStatus next, int attemptsMade, Instant completed) {
        return new TwoFactorChallenge(
                id, orgId, connectionId, type, next, attemptsMade, maxAttempts, expiresAt, createdAt, completed, null);
    }

    /**
     * An attempt and the challenge after it.
     *
     * @param challenge the challenge after the attempt (unchanged when it was already final)
     * @param outcome what the attempt did
     */
    public record Attempt(TwoFactorChallenge challenge, Outcome outcome) {}

    /** What a verification attempt did. */
    public enum Outcome {
        /** The code was right, or the push approved: VERIFIED now. */
        VERIFIED,
        /** The code was wrong; attempts are left. */
        REJECTED,
        /** The code was wrong and it was the last attempt: FAILED now. */
        EXHAUSTED,
        /** The push was denied: FAILED now. */
        DENIED,
        /** The challenge expired (now or before); nothing was checked. */
        EXPIRED,
        /** It was verified before; nothing was checked. */
        ALREADY_VERIFIED,
        /** It failed before; nothing was checked. */
        ALREADY_FAILED;

        static Outcome closed(ChallengeStatus status) {
            return switch (status) {
                case VERIFIED -> ALREADY_VERIFIED;
                case FAILED -> ALREADY_FAILED;
                case EXPIRED -> EXPIRED;
                case PENDING -> throw new IllegalArgumentException("PENDING is not closed");
            };
        }
    }
}
