package io.bankflow.sync.statements.adapter.out.provider.berlingroup;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.sync.statements.application.port.out.ProviderAccess;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * What connection-service and token-vault-service do for real, done by hand against the sandbox bank: create a consent
 * (all PSD2 accounts), drive the customer through {@code /oauth2/authorize} with PKCE S256, take the code from the
 * 302 and exchange it at {@code /oauth2/token} as client {@code bankflow-local}. Plus the bank's test controls.
 */
final class SandboxBankTpp {

    static final String CLIENT_ID = "bankflow-local";
    static final String REDIRECT_URI = "http://127.0.0.1:18600/oauth/callback";

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final SandboxBankProcess bank;

    SandboxBankTpp(SandboxBankProcess bank) {
        this.bank = bank;
    }

    /** A consent authorised by the customer and an access token for it. */
    ProviderAccess connect() throws IOException, InterruptedException {
        String consentBody = """
                {"access": {"allPsd2": "allAccounts"}, "recurringIndicator": true, "validUntil": "%s",
                 "frequencyPerDay": 4, "combinedServiceIndicator": false}""".formatted(LocalDate.now(ZoneOffset.UTC).plusDays(90));
        HttpResponse<String> consent = send(HttpRequest.newBuilder(URI.create(bank.baseUrl + "/v1/consents"))
                .header("Content-Type", "application/json")
                .header("X-Request-ID", UUID.randomUUID().toString())
                .header("PSU-IP-Address", "192.0.2.10")
                .POST(HttpRequest.BodyPublishers.ofString(consentBody)));
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(201);
        String consentId = json(consent).path("consentId").asString();

        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String state = UUID.randomUUID().toString();
        HttpResponse<String> redirect = send(HttpRequest.newBuilder(URI.create(bank.baseUrl
                        + "/oauth2/authorize?response_type=code&client_id=" + CLIENT_ID + "&redirect_uri="
                        + encode(REDIRECT_URI) + "&scope=" + encode("AIS:" + consentId) + "&state=" + state
                        + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256"))
                .GET());
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        Map<String, String> callback =
                query(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(callback).containsEntry("state", state);

        String basic = Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + bank.clientSecret()).getBytes(StandardCharsets.UTF_8));
        String form = Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        callback.get("code"),
                        "redirect_uri",
                        REDIRECT_URI,
                        "code_verifier",
                        verifier)
                .entrySet()
                .stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create(bank.baseUrl + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(token.statusCode()).isEqualTo(200);
        return new ProviderAccess(consentId, json(token).path("access_token").asString());
    }

    /** {@code GET /sandbox}: the customer's accounts with balances and pending ids. */
    JsonNode overview() throws IOException, InterruptedException {
        return json(send(
                HttpRequest.newBuilder(URI.create(bank.baseUrl + "/sandbox")).GET()));
    }

    /** {@code POST /sandbox/...} with a JSON body; answers the reply's JSON (empty object when none). */
    JsonNode control(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(bank.baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 299);
        return response.body().isBlank() ? BerlinGroupClient.JSON.createObjectNode() : json(response);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) {
        return BerlinGroupClient.JSON.readTree(response.body());
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String location) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
