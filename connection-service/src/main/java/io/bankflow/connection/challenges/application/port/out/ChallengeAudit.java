package io.bankflow.connection.challenges.application.port.out;

import io.bankflow.connection.challenges.domain.TwoFactorChallenge;
import java.time.Instant;

/** Where challenges and verification attempts are recorded with who made them (the audit trail). Never the OTP. */
public interface ChallengeAudit {

    /** A challenge was created, in the caller's transaction. */
    void created(TwoFactorChallenge challenge, String actor, Instant at);

    /** A verification attempt and its outcome, in the caller's transaction. */
    void attempted(TwoFactorChallenge.Attempt attempt, String actor, Instant at);
}
