package io.bankflow.sync.statements.adapter.out.provider.berlingroup;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.sync.statements.application.port.out.ProviderAccess;
import io.bankflow.testinfra.TestSandboxBank;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;

/**
 * What connection-service and token-vault-service do for real, done by hand against the sandbox bank (the consent and
 * its token through {@link TestSandboxBank#authorize} and {@link TestSandboxBank#accessTokenFor}); plus the bank's test
 * controls.
 */
final class SandboxBankTpp {

    static final String REDIRECT_URI = "http://127.0.0.1:18600/oauth/callback";

    private final TestSandboxBank bank;

    SandboxBankTpp(TestSandboxBank bank) {
        this.bank = bank;
    }

    /** A consent authorised by the customer and an access token for it. */
    ProviderAccess connect() {
        TestSandboxBank.Authorization authorization = bank.authorize(REDIRECT_URI);
        return new ProviderAccess(authorization.consentId(), bank.accessTokenFor(authorization, REDIRECT_URI));
    }

    /** {@code GET /sandbox}: the customer's accounts with balances and pending ids. */
    JsonNode overview() {
        return json(bank.get("/sandbox"));
    }

    /** {@code POST /sandbox/...} with a JSON body; answers the reply's JSON (empty object when none). */
    JsonNode control(String path, String body) {
        HttpResponse<String> response = bank.postJson(path, body);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 299);
        return response.body().isBlank() ? BerlinGroupClient.JSON.createObjectNode() : json(response);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return BerlinGroupClient.JSON.readTree(response.body());
    }
}
