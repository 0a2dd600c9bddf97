package io.bankflow.connection.challenges.adapter.out.audit;

import io.bankflow.connection.audit.application.RecordAuditEntry;
import io.bankflow.connection.audit.domain.AuditEntry;
import io.bankflow.connection.challenges.application.port.out.ChallengeAudit;
import io.bankflow.connection.challenges.domain.TwoFactorChallenge;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** {@link ChallengeAudit} as entries of the audit trail, in the attempt's transaction. No code is ever written. */
@Component
class AuditedChallenges implements ChallengeAudit {

    private final RecordAuditEntry audit;

    AuditedChallenges(RecordAuditEntry audit) {
        this.audit = audit;
    }

    @Override
    public void created(TwoFactorChallenge challenge, String actor, Instant at) {
        audit.record(AuditEntry.of(
                challenge.orgId(),
                challenge.connectionId(),
                "challenge-created",
                actor,
                challenge.type() + " challenge " + challenge.id() + ", " + challenge.maxAttempts()
                        + " attempts, expires " + challenge.expiresAt(),
                at));
    }

    @Override
    public void attempted(TwoFactorChallenge.Attempt attempt, String actor, Instant at) {
        TwoFactorChallenge challenge = attempt.challenge();
        String action = switch (attempt.outcome()) {
            case VERIFIED -> "challenge-verified";
            case REJECTED -> "challenge-otp-rejected";
            case EXHAUSTED -> "challenge-attempts-exhausted";
            case DENIED -> "challenge-push-denied";
            case EXPIRED -> "challenge-verify-expired";
            case ALREADY_VERIFIED, ALREADY_FAILED -> "challenge-verify-refused";
        };
        audit.record(AuditEntry.of(
                challenge.orgId(),
                challenge.connectionId(),
                action,
                actor,
                challenge.type() + " challenge " + challenge.id() + ": " + attempt.outcome() + ", status "
                        + challenge.status() + ", attempt " + challenge.attempts() + " of "
                        + challenge.maxAttempts(),
                at));
    }
}
