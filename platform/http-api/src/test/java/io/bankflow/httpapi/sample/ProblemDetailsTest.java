package io.bankflow.httpapi.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Every way a request can fail answers a problem document with the right status, type and fields. */
@WebMvcTest
@Import(ValidatedService.class)
@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsTest {

    private static final String TYPES = "https://bankflow.io/problems/";
    private static final String VALID_BODY = """
            {"customerCode":"CUS00000001","amountMinor":1000,"kind":"INVOICE","dueDate":"2025-03-01",
             "lines":[{"reference":"INV-1","amountMinor":1000}]}
            """;

    @Autowired
    MockMvcTester mvc;

    private MvcTestResult post(String uri, String json) {
        return mvc.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    private static void assertProblem(MvcTestResult result, int status, String slug, String instance) {
        assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo(TYPES + slug);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status);
        assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo(instance);
        assertThat(result).bodyJson().extractingPath("$.title").asString().isNotBlank();
        assertThat(result).bodyJson().extractingPath("$.detail").asString().isNotBlank();
        // The same id the response header carries, so a client can quote either.
        String requestId = result.getResponse().getHeader("X-Request-Id");
        assertThat(requestId).isNotBlank();
        assertThat(result).bodyJson().extractingPath("$.requestId").isEqualTo(requestId);
    }

    @Test
    void acceptsAValidRequest() {
        assertThat(post("/payments", VALID_BODY)).hasStatus(201);
    }

    @Nested
    class ContractViolationsAre400 {

        @Test
        void invalidBodyListsEveryOffendingField() {
            MvcTestResult result = post("/payments", """
                    {"customerCode":" ","amountMinor":-5,"kind":"INVOICE","lines":[{"reference":"","amountMinor":1}]}
                    """);

            assertProblem(result, 400, "validation-failed", "/payments");
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.errors[*].field")
                    .asArray()
                    .containsExactlyInAnyOrder("customerCode", "amountMinor", "lines[0].reference");
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.errors[?(@.field == 'amountMinor')].message")
                    .asArray()
                    .containsExactly("must be greater than 0");
        }

        @Test
        void malformedJsonSaysWhere() {
            MvcTestResult result = post("/payments", "{\"customerCode\": ");

            assertProblem(result, 400, "malformed-request", "/payments");
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.detail")
                    .asString()
                    .startsWith("The request body is not valid JSON");
        }

        @Test
        void missingBodyIsNamed() {
            MvcTestResult result = post("/payments", "");

            assertProblem(result, 400, "malformed-request", "/payments");
            assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("The request body is missing.");
        }

        @Test
        void wronglyTypedValueNamesTheFieldWithoutEchoingTheValue() {
            MvcTestResult result = post("/payments", VALID_BODY.replace("1000,\"kind\"", "\"secret-ish\",\"kind\""));

            assertProblem(result, 400, "malformed-request", "/payments");
            assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("amountMinor");
            assertThat(result).bodyJson().extractingPath("$.errors[0].message").isEqualTo("must be a number");
            assertThat(result).bodyText().doesNotContain("secret-ish", "java.");
        }

        @Test
        void unknownEnumValueListsTheAllowedOnes() {
            MvcTestResult result = post("/payments", VALID_BODY.replace("INVOICE", "GIFT"));

            assertProblem(result, 400, "malformed-request", "/payments");
            assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("kind");
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .isEqualTo("must be one of [INVOICE, REFUND]");
        }

        @Test
        void badDateInANestedPathIsNamed() {
            MvcTestResult result = post("/payments", VALID_BODY.replace("2025-03-01", "01.03.2025"));

            assertProblem(result, 400, "malformed-request", "/payments");
            assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("dueDate");
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .isEqualTo("must be a date (YYYY-MM-DD)");
        }

        @Test
        void wronglyTypedPathVariable() {
            MvcTestResult result = mvc.get().uri("/payments/not-a-uuid").exchange();

            assertProblem(result, 400, "invalid-parameter", "/payments/not-a-uuid");
            assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("id");
            assertThat(result).bodyJson().extractingPath("$.errors[0].message").isEqualTo("must be a UUID");
        }

        @Test
        void missingQueryParameter() {
            MvcTestResult result = mvc.get().uri("/payments/search").exchange();

            assertProblem(result, 400, "invalid-parameter", "/payments/search");
            assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("customerCode");
            assertThat(result).bodyJson().extractingPath("$.errors[0].message").isEqualTo("is required");
        }

        @Test
        void missingHeader() {
            MvcTestResult result = mvc.get().uri("/payments/with-header").exchange();

            assertProblem(result, 400, "invalid-parameter", "/payments/with-header");
            assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        }

        @Test
        void queryParameterOutOfRange() {
            MvcTestResult result = mvc.get().uri("/payments?limit=0").exchange();

            assertProblem(result, 400, "validation-failed", "/payments");
            assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("limit");
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .isEqualTo("must be greater than or equal to 1");
        }

        @Test
        void constraintViolationFromAValidatedBean() {
            MvcTestResult result = mvc.get().uri("/customer-codes/XYZ").exchange();

            assertProblem(result, 400, "validation-failed", "/customer-codes/XYZ");
            assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("code");
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .isEqualTo("must be CUS followed by 8 digits");
        }
    }

    @Nested
    class ProtocolErrors {

        @Test
        void unknownRouteIs404ForAnAuthenticatedCaller() {
            // Outside the public paths: without a token this would be 401 (see ResourceServerTest).
            MvcTestResult result = mvc.get()
                    .uri("/no/such/thing?token=abc")
                    .with(jwt().jwt(token -> token.claim("org_id", "acme-industries")))
                    .exchange();

            assertProblem(result, 404, "not-found", "/no/such/thing");
            assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("No endpoint GET /no/such/thing.");
        }

        @Test
        void wrongMethodIs405WithAllowHeader() {
            MvcTestResult result = mvc.delete().uri("/payments").exchange();

            assertProblem(result, 405, "method-not-allowed", "/payments");
            assertThat(result).headers().containsHeader(HttpHeaders.ALLOW);
        }

        @Test
        void unsupportedMediaTypeIs415() {
            MvcTestResult result = mvc.post()
                    .uri("/payments")
                    .contentType(MediaType.TEXT_PLAIN)
                    .content("hello")
                    .exchange();

            assertProblem(result, 415, "unsupported-media-type", "/payments");
        }

        @Test
        void problemIsJsonEvenWhenTheClientAsksForHtml() {
            MvcTestResult result = mvc.get()
                    .uri("/payments/not-a-uuid")
                    .accept(MediaType.TEXT_HTML)
                    .exchange();

            assertProblem(result, 400, "invalid-parameter", "/payments/not-a-uuid");
        }
    }

    @Nested
    class ServiceExceptions {

        @Test
        void notFoundExceptionIs404() {
            MvcTestResult result = mvc.get()
                    .uri("/payments/00000000-0000-0000-0000-000000000002")
                    .exchange();

            assertProblem(result, 404, "not-found", "/payments/00000000-0000-0000-0000-000000000002");
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.detail")
                    .isEqualTo("Payment 00000000-0000-0000-0000-000000000002 was not found.");
        }

        @Test
        void conflictExceptionIs409WithItsExtensionMember() {
            String id = SampleController.KNOWN.toString();
            MvcTestResult result =
                    mvc.post().uri("/payments/" + id + "/confirm").exchange();

            assertProblem(result, 409, "conflict", "/payments/" + id + "/confirm");
            assertThat(result).bodyJson().extractingPath("$.paymentId").isEqualTo(id);
        }

        @Test
        void unprocessableExceptionIs422WithItsOwnType() {
            String id = SampleController.KNOWN.toString();
            MvcTestResult result = mvc.post().uri("/payments/" + id + "/close").exchange();

            assertProblem(result, 422, "payment-not-due", "/payments/" + id + "/close");
            assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Payment not due");
        }

        @Test
        void responseStatusExceptionKeepsItsStatusAndGetsATypeForIt() {
            MvcTestResult result = mvc.get().uri("/payments/teapot").exchange();

            assertProblem(result, 503, "service-unavailable", "/payments/teapot");
            assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("The bank is not answering.");
        }

        @Test
        void unexpectedExceptionIs500WithAGenericDetailAndIsLoggedWithTheRequestId(CapturedOutput output) {
            MvcTestResult result = mvc.get()
                    .uri("/payments/boom")
                    .header("X-Request-Id", "boom-1")
                    .exchange();

            assertProblem(result, 500, "internal-error", "/payments/boom");
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.detail")
                    .isEqualTo("An unexpected error occurred. Quote the request id when reporting it.");
            assertThat(result).bodyText().doesNotContain("hunter2", "IllegalState");
            assertThat(output).contains("GET /payments/boom failed with 500 [requestId=boom-1]");
        }
    }

    @Nested
    class ContainerErrorPage {

        @Test
        void containerErrorWithoutExceptionKeepsItsStatus() {
            MvcTestResult result = mvc.get()
                    .uri("/error")
                    .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 401)
                    .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/payments")
                    .exchange();

            assertProblem(result, 401, "unauthorized", "/payments");
        }

        @Test
        void containerErrorFromAnExceptionIsAGeneric500(CapturedOutput output) {
            MvcTestResult result = mvc.get()
                    .uri("/error")
                    .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                    .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/payments")
                    .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("password=hunter2"))
                    .exchange();

            assertProblem(result, 500, "internal-error", "/payments");
            assertThat(result).bodyText().doesNotContain("hunter2");
            assertThat(output).contains("GET /payments failed with 500 outside Spring MVC");
        }

        @Test
        void directRequestToTheErrorPathIsAnUnknownEndpoint() {
            MvcTestResult result = mvc.get().uri("/error").exchange();

            assertProblem(result, 404, "not-found", "/error");
        }
    }
}
