package io.bankflow.sync.jobs.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    final RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(30), Duration.ofMinutes(15));
    final SyncFailure transientFailure = new SyncFailure("PROVIDER_UNAVAILABLE", "503", true);

    @Test
    void backsOffExponentiallyUpToTheCapThenGivesUp() {
        assertThat(policy.nextDelay(1, transientFailure, null)).contains(Duration.ofSeconds(30));
        assertThat(policy.nextDelay(2, transientFailure, null)).contains(Duration.ofSeconds(60));
        assertThat(policy.nextDelay(3, transientFailure, null)).contains(Duration.ofSeconds(120));
        assertThat(policy.nextDelay(4, transientFailure, null)).isEmpty();
        assertThat(new RetryPolicy(20, Duration.ofSeconds(30), Duration.ofMinutes(15))
                        .nextDelay(10, transientFailure, null))
                .contains(Duration.ofMinutes(15));
    }

    @Test
    void neverRetriesBeforeTheProviderSaidAndNeverRetriesWhatCannotPass() {
        Duration untilMidnight = Duration.ofHours(7);
        assertThat(policy.nextDelay(1, new SyncFailure("RATE_LIMITED", "429", true), untilMidnight))
                .contains(untilMidnight);
        assertThat(policy.nextDelay(1, new SyncFailure("CONSENT_EXPIRED", "401", false), null))
                .isEmpty();
    }
}
