package io.bankflow.connection.challenges.domain;

/** How the bank checks that the user is there. */
public enum ChallengeType {
    /** A one-time code the user was sent (SMS, app) and types in. */
    OTP,
    /** An approval in the bank's app; its outcome is reported, there is no code. */
    PUSH
}
