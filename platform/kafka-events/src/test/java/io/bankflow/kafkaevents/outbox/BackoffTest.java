package io.bankflow.kafkaevents.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofMinutes(1));

    @Test
    void startsAtTheInitialPauseAndDoublesPerFailure() {
        assertThat(backoff.afterFailures(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.afterFailures(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.afterFailures(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.afterFailures(7)).isEqualTo(Duration.ofSeconds(32));
    }

    @Test
    void neverExceedsTheMaximumHoweverManyFailures() {
        assertThat(backoff.afterFailures(8)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.afterFailures(63)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.afterFailures(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void doesNotPauseBeforeTheFirstFailure() {
        assertThat(backoff.afterFailures(0)).isZero();
    }
}
