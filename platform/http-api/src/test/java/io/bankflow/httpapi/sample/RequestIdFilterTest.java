package io.bankflow.httpapi.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@WebMvcTest(SampleController.class)
class RequestIdFilterTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Autowired
    MockMvcTester mvc;

    @Test
    void echoesTheCallersIdAndExposesItToTheHandler() {
        MvcTestResult result = mvc.get()
                .uri("/payments/request-id")
                .header("X-Request-Id", "erp-42.a:b_c")
                .exchange();

        assertThat(result).hasStatusOk().hasHeader("X-Request-Id", "erp-42.a:b_c");
        assertThat(result).hasBodyTextEqualTo("erp-42.a:b_c");
    }

    @Test
    void generatesAnIdWhenNoneIsSent() {
        MvcTestResult result = mvc.get().uri("/payments/request-id").exchange();

        String id = result.getResponse().getHeader("X-Request-Id");
        assertThat(id).matches(UUID_PATTERN);
        assertThat(result).hasBodyTextEqualTo(id);
    }

    static Stream<String> unsafeIds() {
        return Stream.of("", "-starts-with-dash", "has space", "line\nbreak", "<script>", "x".repeat(129));
    }

    @ParameterizedTest
    @MethodSource("unsafeIds")
    void replacesAnUnsafeIdWithAGeneratedOne(String unsafe) {
        MvcTestResult result = mvc.get()
                .uri("/payments/request-id")
                .header("X-Request-Id", unsafe)
                .exchange();

        assertThat(result.getResponse().getHeader("X-Request-Id")).matches(UUID_PATTERN);
    }

    @Test
    void acceptsTheLongestAllowedId() {
        String longest = "a".repeat(128);

        assertThat(mvc.get().uri("/payments/request-id").header("X-Request-Id", longest))
                .hasHeader("X-Request-Id", longest);
    }

    @Test
    void leavesNoIdInTheMdcAfterTheRequest() {
        mvc.get()
                .uri("/payments/request-id")
                .header("X-Request-Id", "leak-check")
                .exchange();

        assertThat(MDC.get("correlationId")).isNull();
    }
}
