package io.bankflow.sandboxbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** A TPP talking to the sandbox bank over HTTP, as Bankflow would: a small test DSL. */
final class SandboxClient {

    static final String CLIENT_ID = "bankflow-local";
    static final String REDIRECT_URI = "http://127.0.0.1:18600/oauth/callback";
    static final Path SECRETS_DIR = Path.of("target", "it-secrets");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final String base;

    SandboxClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    record Reply(int status, HttpHeaders headers, String body) {
        Map<String, Object> json() {
            return body.isEmpty() ? Map.of() : JSON.readValue(body, Map.class);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** A connected consent: what the TPP holds after the OAuth flow. */
    record Connection(String consentId, String accessToken, String refreshToken) {}

    static String clientSecret() {
        try {
            return Files.readString(SECRETS_DIR.resolve("sandbox-bank-client.secret"))
                    .strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String newVerifier() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static Map<String, String> query(String location) {
        String query = URI.create(location).getRawQuery();
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    Reply postJson(String path, @Nullable Object body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    Reply delete(String path, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).DELETE();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** client_secret_basic, form body. */
    Reply postForm(String path, Map<String, String> form) {
        String basic =
                Base64.getEncoder().encodeToString((CLIENT_ID + ":" + clientSecret()).getBytes(StandardCharsets.UTF_8));
        return postForm(path, form, "Basic " + basic);
    }

    Reply postForm(String path, Map<String, String> form, @Nullable String authorization) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    // ---- the TPP's steps -------------------------------------------------------------------------------------------

    Reply createConsent(Map<String, Object> access) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access", access);
        body.put("recurringIndicator", true);
        body.put(
                "validUntil",
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(90).toString());
        body.put("frequencyPerDay", 4);
        body.put("combinedServiceIndicator", false);
        return postJson(
                "/v1/consents", body, "X-Request-ID", UUID.randomUUID().toString(), "PSU-IP-Address", "192.0.2.10");
    }

    String createAllPsd2Consent() {
        Reply created = createConsent(Map.of("allPsd2", "allAccounts"));
        assertThat(created.status()).isEqualTo(201);
        return (String) created.json().get("consentId");
    }

    /** The customer's trip through the authorization endpoint; answers the redirect's Location. */
    Reply authorize(String consentId, String verifier, String state) {
        return get("/oauth2/authorize?response_type=code&client_id=" + CLIENT_ID + "&redirect_uri="
                + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8) + "&scope="
                + URLEncoder.encode("AIS:" + consentId, StandardCharsets.UTF_8) + "&state=" + state
                + "&code_challenge=" + io.bankflow.sandboxbank.oauth.domain.Pkce.challengeOf(verifier)
                + "&code_challenge_method=S256");
    }

    Reply exchange(String code, String verifier) {
        return postForm(
                "/oauth2/token",
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        code,
                        "redirect_uri",
                        REDIRECT_URI,
                        "code_verifier",
                        verifier));
    }

    Connection connect(String consentId) {
        String verifier = newVerifier();
        Reply redirect = authorize(consentId, verifier, "s1");
        assertThat(redirect.status()).isEqualTo(302);
        String code = query(redirect.header("Location")).get("code");
        Reply tokens = exchange(code, verifier);
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        return new Connection(consentId, (String) tokens.json().get("access_token"), (String)
                tokens.json().get("refresh_token"));
    }

    Connection connect() {
        return connect(createAllPsd2Consent());
    }

    /** An AIS read with the customer present (PSU-IP-Address), so it does not count against frequencyPerDay. */
    Reply ais(String path, Connection connection) {
        return get(
                path,
                "X-Request-ID",
                UUID.randomUUID().toString(),
                "Consent-ID",
                connection.consentId(),
                "Authorization",
                "Bearer " + connection.accessToken(),
                "PSU-IP-Address",
                "192.0.2.10");
    }

    /** An unattended AIS read (no PSU-IP-Address). */
    Reply aisUnattended(String path, Connection connection) {
        return get(
                path,
                "X-Request-ID",
                UUID.randomUUID().toString(),
                "Consent-ID",
                connection.consentId(),
                "Authorization",
                "Bearer " + connection.accessToken());
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> accounts(Connection connection) {
        return (List<Map<String, Object>>)
                ais("/v1/accounts", connection).json().get("accounts");
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object json, String... path) {
        Object current = json;
        for (String step : path) {
            if (current == null) {
                return null;
            }
            current = current instanceof List<?> list
                    ? list.get(Integer.parseInt(step))
                    : ((Map<String, Object>) current).get(step);
        }
        return (T) current;
    }
}
