package io.bankflow.httpapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;

class RequestIdsTest {

    @Test
    void acceptsUuidsUlidsAndTraceIds() {
        assertThat(RequestIds.isAcceptable("3f2504e0-4f89-11d3-9a0c-0305e82c3301"))
                .isTrue();
        assertThat(RequestIds.isAcceptable("01ARZ3NDEKTSV4RRFFQ69G5FAV")).isTrue();
        assertThat(RequestIds.isAcceptable("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isTrue();
    }

    @Test
    void rejectsAnythingThatCouldBreakALogLineOrAHeader() {
        assertThat(RequestIds.isAcceptable(null)).isFalse();
        assertThat(RequestIds.isAcceptable("a\r\nSet-Cookie: x=y")).isFalse();
        assertThat(RequestIds.isAcceptable("a b")).isFalse();
        assertThat(RequestIds.isAcceptable("${jndi:ldap://x}")).isFalse();
        assertThat(RequestIds.isAcceptable("x".repeat(129))).isFalse();
    }

    @Test
    void problemTypeSlugsMustBeKebabCase() {
        assertThat(ProblemTypes.of("consent-expired")).hasToString("https://bankflow.io/problems/consent-expired");
        assertThatIllegalArgumentException().isThrownBy(() -> ProblemTypes.of("Consent Expired"));
        assertThatIllegalArgumentException().isThrownBy(() -> ProblemTypes.of("../admin"));
    }

    @Test
    void everyErrorStatusHasAType() {
        assertThat(ProblemTypes.forStatus(HttpStatusCode.valueOf(413)))
                .hasToString("https://bankflow.io/problems/payload-too-large");
        assertThat(ProblemTypes.forStatus(HttpStatusCode.valueOf(418)))
                .hasToString("https://bankflow.io/problems/bad-request");
        assertThat(ProblemTypes.forStatus(HttpStatusCode.valueOf(599)))
                .hasToString("https://bankflow.io/problems/internal-error");
    }
}
