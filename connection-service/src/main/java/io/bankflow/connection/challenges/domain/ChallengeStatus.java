package io.bankflow.connection.challenges.domain;

/** Where a challenge is. Every status but PENDING is final. */
public enum ChallengeStatus {
    /** Waiting for the user. */
    PENDING,
    /** The right code was given (OTP) or the user approved (PUSH). */
    VERIFIED,
    /** Every attempt was wrong (OTP) or the user denied (PUSH). */
    FAILED,
    /** Nobody finished it in time. */
    EXPIRED
}
