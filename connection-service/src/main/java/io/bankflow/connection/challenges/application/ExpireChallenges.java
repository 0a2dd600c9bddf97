package io.bankflow.connection.challenges.application;

import io.bankflow.connection.challenges.application.port.out.Challenges;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Marks challenges nobody finished EXPIRED, which erases their OTP hashes: no hash outlives its challenge long. */
@Service
public class ExpireChallenges {

    private static final Logger log = LoggerFactory.getLogger(ExpireChallenges.class);

    private final Challenges challenges;
    private final Clock clock;

    ExpireChallenges(Challenges challenges, Clock clock) {
        this.challenges = challenges;
        this.clock = clock;
    }

    /** @return how many challenges expired */
    @Transactional
    public int expireDue() {
        int expired = challenges.expireDue(clock.instant());
        if (expired > 0) {
            log.info("Expired {} two-factor challenge(s) nobody finished", expired);
        }
        return expired;
    }
}
