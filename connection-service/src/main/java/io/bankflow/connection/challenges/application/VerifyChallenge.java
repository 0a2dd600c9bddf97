package io.bankflow.connection.challenges.application;

import io.bankflow.connection.challenges.application.port.out.ChallengeAudit;
import io.bankflow.connection.challenges.application.port.out.Challenges;
import io.bankflow.connection.challenges.domain.ChallengeType;
import io.bankflow.connection.challenges.domain.TwoFactorChallenge;
import io.bankflow.httpapi.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One verification attempt: the code of an OTP challenge, or the reported outcome of a push. The challenge is locked
 * for the attempt, so parallel guesses cannot use more attempts than allowed. The attempt and its outcome go into the
 * audit trail; the code goes nowhere.
 */
@Service
public class VerifyChallenge {

    private static final Logger log = LoggerFactory.getLogger(VerifyChallenge.class);

    private final Challenges challenges;
    private final ChallengeAudit audit;
    private final Clock clock;

    VerifyChallenge(Challenges challenges, ChallengeAudit audit, Clock clock) {
        this.challenges = challenges;
        this.audit = audit;
        this.clock = clock;
    }

    /** The given answer does not fit the challenge's type (a code for a push, or no code for an OTP). */
    public static class WrongAnswerTypeException extends RuntimeException {
        private final ChallengeType type;

        WrongAnswerTypeException(ChallengeType type) {
            super("The challenge is " + type);
            this.type = type;
        }

        public ChallengeType type() {
            return type;
        }
    }

    /**
     * @param otp the code, for an OTP challenge
     * @param approved the push's outcome, for a PUSH challenge
     * @throws NotFoundException (404) when the connection has no such challenge in the organisation
     * @throws WrongAnswerTypeException when the answer does not fit the challenge's type
     */
    @Transactional
    public TwoFactorChallenge.Attempt verify(
            String orgId,
            UUID connectionId,
            UUID challengeId,
            String actor,
            @Nullable String otp,
            @Nullable Boolean approved) {
        TwoFactorChallenge challenge = challenges
                .lock(orgId, connectionId, challengeId)
                .orElseThrow(() -> NotFoundException.of("Challenge", challengeId));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        TwoFactorChallenge.Attempt attempt;
        if (challenge.type() == ChallengeType.OTP) {
            if (otp == null || approved != null) {
                throw new WrongAnswerTypeException(challenge.type());
            }
            attempt = challenge.verifyOtp(otp, now);
        } else {
            if (approved == null || otp != null) {
                throw new WrongAnswerTypeException(challenge.type());
            }
            attempt = challenge.reportPush(approved, now);
        }
        if (!attempt.challenge().equals(challenge)) {
            challenges.update(attempt.challenge());
        }
        audit.attempted(attempt, actor, now);
        log.info(
                "Challenge {} of connection {}: {} ({} of {} attempts)",
                challengeId,
                connectionId,
                attempt.outcome(),
                attempt.challenge().attempts(),
                attempt.challenge().maxAttempts());
        return attempt;
    }
}
