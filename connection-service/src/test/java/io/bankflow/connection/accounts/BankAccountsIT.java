package io.bankflow.connection.accounts;

import static io.bankflow.connection.testing.Api.ACME_ERP;
import static io.bankflow.connection.testing.Api.ACME_READONLY;
import static io.bankflow.connection.testing.Api.GLOBEX_ERP;
import static io.bankflow.connection.testing.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.connection.accounts.domain.Iban;
import io.bankflow.connection.testing.Api;
import io.bankflow.testinfra.ServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The bank-accounts API over real HTTP with real tokens, against real PostgreSQL. */
@ServiceIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BankAccountsIT {

    static final String PATH = "/api/banking/accounts";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    /** A valid Norwegian IBAN no other test uses. */
    static Iban freshIban() {
        long number = ThreadLocalRandom.current().nextLong(10_000_000_000L, 100_000_000_000L);
        return Iban.of("NO", Long.toString(number));
    }

    static String body(Iban iban, String currency, boolean isDefault) {
        return """
                {"glCode": "1920", "currency": "%s", "iban": "%s", "name": "Driftskonto", "isDefault": %s}
                """.formatted(currency, iban.grouped().toLowerCase(), isDefault);
    }

    String create(Iban iban, String currency, boolean isDefault) {
        HttpResponse<String> created = api.postJson(ACME_ERP, PATH, body(iban, currency, isDefault));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asString();
    }

    @Test
    void registersAnAccountStoresTheIbanNormalisedAndShowsItOnlyMasked() {
        Iban iban = freshIban();

        HttpResponse<String> created = api.postJson(ACME_ERP, PATH, body(iban, "NOK", false));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode account = json(created);
        String id = account.get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue(PATH + "/" + id);
        assertThat(account.get("glCode").asString()).isEqualTo("1920");
        assertThat(account.get("currency").asString()).isEqualTo("NOK");
        assertThat(account.get("maskedIban").asString()).isEqualTo(iban.masked());
        assertThat(account.get("name").asString()).isEqualTo("Driftskonto");
        assertThat(account.get("isDefault").asBoolean()).isFalse();
        assertThat(account.get("active").asBoolean()).isTrue();
        assertThat(created.body()).doesNotContain(iban.value().substring(4, 11));
        assertThat(jdbc.sql("SELECT org_id, iban, masked_number, gl_code FROM bank_account WHERE id = :id")
                        .param("id", UUID.fromString(id))
                        .query()
                        .singleRow())
                .containsEntry("org_id", "acme-industries")
                .containsEntry("iban", iban.value())
                .containsEntry("masked_number", iban.masked())
                .containsEntry("gl_code", "1920");

        HttpResponse<String> read = api.get(ACME_READONLY, PATH + "/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).get("maskedIban").asString()).isEqualTo(iban.masked());
    }

    @Test
    void makingANewDefaultEndsThePreviousDefaultOfThatCurrencyOnly() {
        String first = create(freshIban(), "SEK", true);
        String otherCurrency = create(freshIban(), "DKK", true);

        String second = create(freshIban(), "SEK", true);

        assertThat(json(api.get(ACME_ERP, PATH + "/" + first)).get("isDefault").asBoolean())
                .isFalse();
        assertThat(json(api.get(ACME_ERP, PATH + "/" + second)).get("isDefault").asBoolean())
                .isTrue();
        assertThat(json(api.get(ACME_ERP, PATH + "/" + otherCurrency))
                        .get("isDefault")
                        .asBoolean())
                .isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM bank_account WHERE org_id = 'acme-industries' AND currency = 'SEK'"
                                + " AND is_default")
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void refusesACallerWithoutFinanceOrAdminRoleWith403() {
        HttpResponse<String> response = api.postJson(ACME_READONLY, PATH, body(freshIban(), "NOK", false));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("type").asString()).isEqualTo("https://bankflow.io/problems/forbidden");
    }

    @Test
    void hidesAnotherOrganisationsAccountAs404() {
        String id = create(freshIban(), "NOK", false);

        HttpResponse<String> read = api.get(GLOBEX_ERP, PATH + "/" + id);
        HttpResponse<String> deactivate = api.postJson(GLOBEX_ERP, PATH + "/" + id + "/deactivate", "");

        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(json(read).get("type").asString()).isEqualTo("https://bankflow.io/problems/not-found");
        assertThat(deactivate.statusCode()).isEqualTo(404);
        assertThat(json(api.get(ACME_ERP, PATH + "/" + id)).get("active").asBoolean())
                .isTrue();
        assertThat(api.get(GLOBEX_ERP, PATH + "?limit=100").body()).doesNotContain(id);
    }

    @Test
    void answersABadIbanAnUnknownCurrencyAndAMissingGlCodeWithOneProblemNamingEachField() {
        HttpResponse<String> codes = api.postJson(
                ACME_ERP, PATH, "{\"glCode\": \"1920\", \"currency\": \"XYZ\", \"iban\": \"NO9486011117947\"}");
        HttpResponse<String> missing =
                api.postJson(ACME_ERP, PATH, "{\"currency\": \"NOK\", \"iban\": \"NO9386011117947\"}");

        assertThat(codes.statusCode()).isEqualTo(400);
        assertThat(codes.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(codes);
        assertThat(problem.get("type").asString()).isEqualTo("https://bankflow.io/problems/validation-failed");
        assertThat(fields(problem)).containsExactlyInAnyOrder("currency", "iban");
        assertThat(codes.body()).doesNotContain("NO9486011117947");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(fields(json(missing))).containsExactly("glCode");
    }

    @Test
    void refusesTheSameIbanTwiceNamingTheExistingAccount() {
        Iban iban = freshIban();
        String id = create(iban, "NOK", false);

        HttpResponse<String> again = api.postJson(ACME_ERP, PATH, body(iban, "NOK", false));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("type").asString())
                .isEqualTo("https://bankflow.io/problems/iban-already-registered");
        assertThat(json(again).get("existingId").asString()).isEqualTo(id);
    }

    @Test
    void replaysACreationRetriedWithTheSameIdempotencyKeyAndRefusesTheKeyForAnotherBody() {
        String key = UUID.randomUUID().toString();
        String request = body(freshIban(), "NOK", false);

        HttpResponse<String> first = api.postJson(ACME_ERP, PATH, request, "Idempotency-Key", key);
        HttpResponse<String> retry = api.postJson(ACME_ERP, PATH, request, "Idempotency-Key", key);
        HttpResponse<String> other =
                api.postJson(ACME_ERP, PATH, body(freshIban(), "NOK", false), "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(retry).get("id").asString())
                .isEqualTo(json(first).get("id").asString());
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(json(other).get("type").asString()).isEqualTo("https://bankflow.io/problems/idempotency-key-reused");
    }

    @Test
    void answersARequestWhoseIdempotencyKeyIsHeldByARunningRequestWith409() {
        String key = UUID.randomUUID().toString();
        String request = body(freshIban(), "NOK", false);
        // The running request holds the key: its claim is committed, its account not yet.
        jdbc.sql("""
                INSERT INTO idempotency_key (org_id, scope, idempotency_key, request_fingerprint, claim_id, claimed_at)
                VALUES ('acme-industries', 'bank-account', :key, repeat('0', 64), gen_random_uuid(), now())
                """).param("key", key).update();

        HttpResponse<String> concurrent = api.postJson(ACME_ERP, PATH, request, "Idempotency-Key", key);

        assertThat(concurrent.statusCode()).isEqualTo(409);
        assertThat(json(concurrent).get("type").asString())
                .isEqualTo("https://bankflow.io/problems/idempotency-key-in-use");
        // The running request fails and releases its claim: the key is free again.
        jdbc.sql("DELETE FROM idempotency_key WHERE idempotency_key = :key")
                .param("key", key)
                .update();
        assertThat(api.postJson(ACME_ERP, PATH, request, "Idempotency-Key", key).statusCode())
                .isEqualTo(201);
    }

    @Test
    void runsAgainARequestWhoseFirstAttemptFailedWithTheSameKey() {
        String key = UUID.randomUUID().toString();
        Iban iban = freshIban();
        create(iban, "NOK", false);
        String taken = body(iban, "NOK", false);

        HttpResponse<String> conflict = api.postJson(ACME_ERP, PATH, taken, "Idempotency-Key", key);
        HttpResponse<String> again = api.postJson(ACME_ERP, PATH, taken, "Idempotency-Key", key);

        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(json(conflict).get("type").asString())
                .isEqualTo("https://bankflow.io/problems/iban-already-registered");
        // Errors are not replayed: the claim was released and the retry ran (and met the same conflict).
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_key WHERE idempotency_key = :key")
                        .param("key", key)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void deactivatingEndsTheDefaultAndActivatingBringsTheAccountBackWithoutIt() {
        String id = create(freshIban(), "CHF", true);

        HttpResponse<String> deactivated = api.postJson(ACME_ERP, PATH + "/" + id + "/deactivate", "");
        HttpResponse<String> activated = api.postJson(ACME_ERP, PATH + "/" + id + "/activate", "");

        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);
        assertThat(json(deactivated).get("active").asBoolean()).isFalse();
        assertThat(json(deactivated).get("isDefault").asBoolean()).isFalse();
        assertThat(activated.statusCode()).isEqualTo(200);
        assertThat(json(activated).get("active").asBoolean()).isTrue();
        assertThat(json(activated).get("isDefault").asBoolean()).isFalse();
        assertThat(api.postJson(ACME_READONLY, PATH + "/" + id + "/deactivate", "")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void pagesThroughTheAccountsNewestFirstWithCursors() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(create(freshIban(), "NOK", false));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = json(api.get(ACME_ERP, PATH + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)));
            page.get("items").forEach(item -> seen.add(item.get("id").asString()));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asString();
        } while (cursor != null);

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen.subList(0, 3)).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(api.get(ACME_ERP, PATH + "?cursor=nonsense").statusCode()).isEqualTo(400);
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }
}
