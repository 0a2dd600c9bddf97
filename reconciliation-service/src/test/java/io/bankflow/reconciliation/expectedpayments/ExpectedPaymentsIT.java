package io.bankflow.reconciliation.expectedpayments;

import static io.bankflow.reconciliation.testing.Api.ACME_ERP;
import static io.bankflow.reconciliation.testing.Api.ACME_READONLY;
import static io.bankflow.reconciliation.testing.Api.GLOBEX_ERP;
import static io.bankflow.reconciliation.testing.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.reconciliation.testing.Api;
import io.bankflow.reconciliation.testing.Codes;
import io.bankflow.testinfra.ServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The expected-payments API over real HTTP with real tokens, against real PostgreSQL. */
@ServiceIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ExpectedPaymentsIT {

    static final String PATH = "/api/banking/expected-payments";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    static String body(String code) {
        return """
                {"customerCode": "%s", "customerName": "Fjord Fisk AS",
                 "expectedAmount": {"amount": "125.5", "currency": "EUR"}, "reference": "INV-2026-77"}
                """.formatted(code);
    }

    @Test
    void createsAnExpectedPaymentForAFinanceCallerAndShowsItToTheOrganisation() {
        String code = Codes.fresh();

        HttpResponse<String> created = api.postJson(ACME_ERP, PATH, body(code));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode payment = json(created);
        String id = payment.get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue(PATH + "/" + id);
        assertThat(payment.get("customerCode").asString()).isEqualTo(code);
        assertThat(payment.get("customerName").asString()).isEqualTo("Fjord Fisk AS");
        assertThat(payment.get("expectedAmount").get("amount").asString()).isEqualTo("125.50");
        assertThat(payment.get("expectedAmount").get("currency").asString()).isEqualTo("EUR");
        assertThat(payment.get("reference").asString()).isEqualTo("INV-2026-77");
        assertThat(payment.get("active").asBoolean()).isTrue();
        assertThat(jdbc.sql(
                                "SELECT org_id, amount::text AS amount, currency, status FROM expected_payment WHERE id = :id")
                        .param("id", UUID.fromString(id))
                        .query()
                        .singleRow())
                .containsEntry("org_id", "acme-industries")
                .containsEntry("amount", "125.500000")
                .containsEntry("currency", "EUR")
                .containsEntry("status", "ACTIVE");

        HttpResponse<String> read = api.get(ACME_READONLY, PATH + "/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).get("customerCode").asString()).isEqualTo(code);
    }

    @Test
    void refusesACallerWithoutFinanceOrAdminRoleWith403() {
        HttpResponse<String> response = api.postJson(ACME_READONLY, PATH, body(Codes.fresh()));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("type").asString()).isEqualTo("https://bankflow.io/problems/forbidden");
    }

    @Test
    void hidesAnotherOrganisationsExpectedPaymentAs404() {
        String id = json(api.postJson(ACME_ERP, PATH, body(Codes.fresh())))
                .get("id")
                .asString();

        HttpResponse<String> read = api.get(GLOBEX_ERP, PATH + "/" + id);
        HttpResponse<String> delete = api.delete(GLOBEX_ERP, PATH + "/" + id);

        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(json(read).get("type").asString()).isEqualTo("https://bankflow.io/problems/not-found");
        assertThat(delete.statusCode()).isEqualTo(404);
        assertThat(json(api.get(ACME_ERP, PATH + "/" + id)).get("active").asBoolean())
                .isTrue();
        assertThat(api.get(GLOBEX_ERP, PATH + "?limit=100").body()).doesNotContain(id);
    }

    @Test
    void refusesAnInvalidCustomerCodeWithAProblemNamingTheField() {
        HttpResponse<String> response = api.postJson(ACME_ERP, PATH, "{\"customerCode\": \"CUS1234\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("type").asString()).isEqualTo("https://bankflow.io/problems/validation-failed");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("customerCode");
    }

    @Test
    void refusesAnUnknownCurrencyAndANonPositiveAmount() {
        HttpResponse<String> currency = api.postJson(
                ACME_ERP,
                PATH,
                "{\"customerCode\": \"" + Codes.fresh()
                        + "\", \"expectedAmount\": {\"amount\": \"1\", \"currency\": \"XYZ\"}}");
        HttpResponse<String> zero = api.postJson(
                ACME_ERP,
                PATH,
                "{\"customerCode\": \"" + Codes.fresh()
                        + "\", \"expectedAmount\": {\"amount\": \"0.00\", \"currency\": \"EUR\"}}");

        assertThat(currency.statusCode()).isEqualTo(400);
        assertThat(json(currency).get("errors").get(0).get("field").asString()).isEqualTo("expectedAmount.currency");
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(json(zero).get("errors").get(0).get("field").asString()).isEqualTo("expectedAmount.amount");
    }

    @Test
    void allowsOneActiveExpectedPaymentPerCustomerCodeUntilItIsDeactivated() {
        String code = Codes.fresh();
        String first = json(api.postJson(ACME_ERP, PATH, body(code))).get("id").asString();

        HttpResponse<String> conflict = api.postJson(ACME_ERP, PATH, body(code));

        assertThat(conflict.statusCode()).isEqualTo(409);
        JsonNode problem = json(conflict);
        assertThat(problem.get("type").asString()).isEqualTo("https://bankflow.io/problems/customer-code-in-use");
        assertThat(problem.get("detail").asString()).contains(code).contains("active expected payment");
        assertThat(problem.get("existingId").asString()).isEqualTo(first);
        // Another organisation has its own codes.
        assertThat(api.postJson(GLOBEX_ERP, PATH, body(code)).statusCode()).isEqualTo(201);

        assertThat(api.delete(ACME_READONLY, PATH + "/" + first).statusCode()).isEqualTo(403);
        assertThat(api.delete(ACME_ERP, PATH + "/" + first).statusCode()).isEqualTo(204);
        assertThat(api.delete(ACME_ERP, PATH + "/" + first).statusCode()).isEqualTo(204);
        JsonNode deactivated = json(api.get(ACME_ERP, PATH + "/" + first));
        assertThat(deactivated.get("active").asBoolean()).isFalse();
        assertThat(deactivated.get("deactivatedAt")).isNotNull();
        assertThat(api.postJson(ACME_ERP, PATH, body(code)).statusCode()).isEqualTo(201);
    }

    @Test
    void replaysACreationRetriedWithTheSameIdempotencyKeyAndRefusesTheKeyForAnotherBody() {
        String code = Codes.fresh();
        String key = "it-" + UUID.randomUUID();

        HttpResponse<String> first = api.postJson(ACME_ERP, PATH, body(code), "Idempotency-Key", key);
        HttpResponse<String> retry = api.postJson(ACME_ERP, PATH, body(code), "Idempotency-Key", key);
        HttpResponse<String> other = api.postJson(ACME_ERP, PATH, body(Codes.fresh()), "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(retry).get("id")).isEqualTo(json(first).get("id"));
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(json(other).get("type").asString()).isEqualTo("https://bankflow.io/problems/idempotency-key-reused");
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM expected_payment WHERE customer_code = :code AND org_id = 'acme-industries'")
                        .param("code", code)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void pagesThroughTheOrganisationsExpectedPaymentsNewestFirst() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(json(api.postJson(GLOBEX_ERP, PATH, body(Codes.fresh())))
                    .get("id")
                    .asString());
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = json(api.get(GLOBEX_ERP, PATH + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)));
            page.get("items").forEach(item -> seen.add(item.get("id").asString()));
            JsonNode next = page.get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
            pages++;
        } while (cursor != null && pages < 1000);

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsSubsequence(created.reversed());
        assertThat(api.get(GLOBEX_ERP, PATH + "?limit=0").statusCode()).isEqualTo(400);
        assertThat(api.get(GLOBEX_ERP, PATH + "?cursor=nonsense").statusCode()).isEqualTo(400);
    }
}
