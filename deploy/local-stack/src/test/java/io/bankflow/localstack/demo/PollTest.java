package io.bankflow.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollTest {

    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration INTERVAL = Duration.ofMillis(10);

    @Test
    void answersTheFirstValueTheProbeFinds() {
        AtomicInteger calls = new AtomicInteger();

        String value =
                Poll.until("the third call", SHORT, INTERVAL, () -> Poll.when(calls.incrementAndGet() == 3, "x"));

        assertThat(value).isEqualTo("x");
        assertThat(calls).hasValue(3);
    }

    @Test
    void saysWhatDidNotHappenAndTheLastErrorWhenTimeIsUp() {
        assertThatThrownBy(() -> Poll.until("the match", SHORT, INTERVAL, () -> {
                    throw new IllegalStateException("connection refused");
                }))
                .isInstanceOf(Poll.TimeoutException.class)
                .hasMessageContaining("the match did not happen within")
                .hasMessageContaining("connection refused");
    }

    @Test
    void aRefusedRequestEndsTheWaitAtOnce() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> Poll.until("a job", Duration.ofSeconds(30), INTERVAL, () -> {
                    calls.incrementAndGet();
                    throw new ApiException(answer(404));
                }))
                .isInstanceOf(ApiException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void waitsOutTooManyRequestsAndServerErrors() {
        AtomicInteger calls = new AtomicInteger();

        Optional<Integer> value = Optional.of(Poll.until("a job", SHORT, INTERVAL, () -> {
            int call = calls.incrementAndGet();
            if (call < 3) {
                throw new ApiException(answer(call == 1 ? 429 : 503));
            }
            return Optional.of(call);
        }));

        assertThat(value).contains(3);
    }

    @Test
    void settlesOnceTheValueStopsChanging() {
        AtomicInteger reads = new AtomicInteger();

        int value = Poll.settled(
                "the counts",
                Duration.ofSeconds(5),
                Duration.ofMillis(600),
                () -> Math.min(reads.incrementAndGet(), 3),
                count -> count > 0);

        assertThat(value).isEqualTo(3);
    }

    private static ApiResponse answer(int status) {
        return new ApiResponse(
                "GET",
                "/api/banking/sync-jobs",
                status,
                HttpHeaders.of(Map.of("Content-Type", List.of("text/plain")), (name, v) -> true),
                "");
    }
}
