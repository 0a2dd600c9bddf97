package io.bankflow.connection.challenges.adapter.in.scheduling;

import io.bankflow.connection.challenges.application.ExpireChallenges;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires unfinished challenges every {@code bankflow.challenges.expiry.interval} (one UPDATE; instances running it
 * at once do no harm). Off with {@code bankflow.challenges.expiry.enabled=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "bankflow.challenges.expiry.enabled", matchIfMissing = true)
class ChallengeExpiryTimer {

    private final ExpireChallenges expireChallenges;

    ChallengeExpiryTimer(ExpireChallenges expireChallenges) {
        this.expireChallenges = expireChallenges;
    }

    @Scheduled(
            initialDelayString = "${bankflow.challenges.expiry.interval}",
            fixedDelayString = "${bankflow.challenges.expiry.interval}")
    void expireDue() {
        expireChallenges.expireDue();
    }
}
