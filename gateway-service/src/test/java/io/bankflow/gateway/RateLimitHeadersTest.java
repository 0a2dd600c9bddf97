package io.bankflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class RateLimitHeadersTest {

    private static HttpHeaders limiter(String remaining, String replenishRate, String requested) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-RateLimit-Remaining", remaining);
        headers.set("X-RateLimit-Replenish-Rate", replenishRate);
        headers.set("X-RateLimit-Burst-Capacity", "100");
        headers.set("X-RateLimit-Requested-Tokens", requested);
        return headers;
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilTheBucketHoldsARequestsTokens() {
        assertThat(RateLimitHeaders.retryAfterSeconds(limiter("0", "50", "1"))).isEqualTo(1);
        assertThat(RateLimitHeaders.retryAfterSeconds(limiter("0", "1", "1"))).isEqualTo(1);
        assertThat(RateLimitHeaders.retryAfterSeconds(limiter("1", "2", "5"))).isEqualTo(2);
        assertThat(RateLimitHeaders.retryAfterSeconds(limiter("0", "3", "10"))).isEqualTo(4);
    }

    @Test
    void retryAfterIsOneSecondWhenTheLimiterReportedNothingUsable() {
        assertThat(RateLimitHeaders.retryAfterSeconds(null)).isEqualTo(1);
        assertThat(RateLimitHeaders.retryAfterSeconds(limiter("-1", "x", "1"))).isEqualTo(1);
    }

    @Test
    void copiesTheLimitersHeadersOnceAndAddsRetryAfter() {
        HttpHeaders response = new HttpHeaders();
        response.add("X-RateLimit-Remaining", "0"); // already put there by the filter

        RateLimitHeaders.copy(limiter("0", "50", "1"), response);

        assertThat(response.get("X-RateLimit-Remaining")).containsExactly("0");
        assertThat(response.getFirst("X-RateLimit-Replenish-Rate")).isEqualTo("50");
        assertThat(response.getFirst("Retry-After")).isEqualTo("1");
    }

    @Test
    void rejectsALimitThatCouldNeverLetARequestThrough() {
        assertThatThrownBy(() -> new RateLimitProperties(0, 10, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("replenish-rate");
        assertThatThrownBy(() -> new RateLimitProperties(5, 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("burst-capacity");
    }
}
