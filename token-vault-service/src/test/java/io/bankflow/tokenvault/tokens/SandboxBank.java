package io.bankflow.tokenvault.tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real sandbox bank ({@code deploy/sandbox-bank}) as a child process of the test JVM, on a free port, with its own
 * secrets directory (the TPP client secret it generates) under {@code target/}; plus the steps of the customer's and the
 * TPP's side of a consent that a test needs. Started per test class, stopped by pid with {@link #close()}.
 */
final class SandboxBank implements AutoCloseable {

    static final String CLIENT_ID = "bankflow-local";
    private static final String JAR = "deploy/sandbox-bank/target/sandbox-bank-exec.jar";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Process process;
    private final int port;
    private final Path secretsDir;
    private final Path log;
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private SandboxBank(Process process, int port, Path secretsDir, Path log) {
        this.process = process;
        this.port = port;
        this.secretsDir = secretsDir;
        this.log = log;
    }

    /**
     * Starts a bank and waits until it is ready.
     *
     * @param redirectUri the only redirect URI its TPP client accepts
     */
    static SandboxBank start(String redirectUri) {
        Path root = repositoryRoot();
        Path jar = root.resolve(JAR);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; build it with"
                    + " ./bankflow mvn -q -pl deploy/sandbox-bank install -DskipTests");
        }
        try {
            Path state =
                    Files.createDirectories(Path.of("target", "sandbox-bank")).toAbsolutePath();
            Path secretsDir = Files.createTempDirectory(state, "secrets-");
            Path log = secretsDir.resolveSibling(secretsDir.getFileName() + ".log");
            int port = freePort();
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(
                            java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            // The bank's secret must be the generated one in our directory, never a developer's.
            env.remove("SANDBOX_BANK_CLIENT_SECRET");
            env.remove("SANDBOX_BANK_CLIENT_ID");
            env.put("SERVER_PORT", Integer.toString(port));
            env.put("BANKFLOW_BIND_ADDRESS", "127.0.0.1");
            env.put("BANKFLOW_SECRETS_DIR", secretsDir.toString());
            env.put("SANDBOX_BANK_REDIRECT_URIS", redirectUri);
            SandboxBank bank = new SandboxBank(builder.start(), port, secretsDir, log);
            bank.awaitReady();
            return bank;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        try {
            Awaitility.await("the sandbox bank on port " + port)
                    .atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptionsInstanceOf(UncheckedIOException.class)
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(
                                    "The sandbox bank exited with " + process.exitValue() + "; see " + log);
                        }
                        return send(HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness"))))
                                                .statusCode()
                                        == 200
                                && Files.isRegularFile(clientSecretFile());
                    });
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("The sandbox bank did not become ready; see " + log, e);
        }
    }

    /** Stops the bank this object started, by its pid. */
    @Override
    public void close() {
        ProcessHandle handle = process.toHandle();
        handle.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                handle.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    Path clientSecretFile() {
        return secretsDir.resolve("sandbox-bank-client.secret");
    }

    // ---- the consent: the TPP's and the customer's steps
    // --------------------------------------------------------------

    /** A consent the customer authorised: the code from the redirect and what the TPP kept for the exchange. */
    record Authorised(String consentId, String code, String codeVerifier) {}

    /** {@code POST /v1/consents} for all accounts, then the customer's trip through {@code /oauth2/authorize}. */
    Authorised authorise(String redirectUri) {
        String consentId = createConsent();
        String verifier = newVerifier();
        HttpResponse<String> redirect =
                send(HttpRequest.newBuilder(URI.create(url("/oauth2/authorize?response_type=code"
                                + "&client_id=" + CLIENT_ID + "&redirect_uri=" + encode(redirectUri) + "&scope="
                                + encode("AIS:" + consentId) + "&state=" + UUID.randomUUID() + "&code_challenge="
                                + challengeOf(verifier) + "&code_challenge_method=S256")))
                        .GET());
        if (redirect.statusCode() != 302) {
            throw new IllegalStateException("authorize answered " + redirect.statusCode() + ": " + redirect.body());
        }
        String location = redirect.headers().firstValue("Location").orElseThrow();
        String code = query(location).get("code");
        if (code == null) {
            throw new IllegalStateException(
                    "The redirect carries no code: " + query(location).get("error"));
        }
        return new Authorised(consentId, code, verifier);
    }

    private String createConsent() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access", Map.of("allPsd2", "allAccounts"));
        body.put("recurringIndicator", true);
        body.put("validUntil", LocalDate.now(ZoneOffset.UTC).plusDays(90).toString());
        body.put("frequencyPerDay", 4);
        body.put("combinedServiceIndicator", false);
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(url("/v1/consents")))
                .header("Content-Type", "application/json")
                .header("X-Request-ID", UUID.randomUUID().toString())
                .header("PSU-IP-Address", "192.0.2.10")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        if (created.statusCode() != 201) {
            throw new IllegalStateException(
                    "POST /v1/consents answered " + created.statusCode() + ": " + created.body());
        }
        return JSON.readTree(created.body()).get("consentId").asString();
    }

    /** {@code GET /v1/accounts} with an access token, the customer present (not counted against frequencyPerDay). */
    HttpResponse<String> accounts(String consentId, String accessToken) {
        return send(HttpRequest.newBuilder(URI.create(url("/v1/accounts")))
                .header("X-Request-ID", UUID.randomUUID().toString())
                .header("Consent-ID", consentId)
                .header("Authorization", "Bearer " + accessToken)
                .header("PSU-IP-Address", "192.0.2.10")
                .GET());
    }

    /** @return the ids of the accounts a token reads, or the empty list when the bank refused */
    List<String> accountIds(String consentId, String accessToken) {
        HttpResponse<String> response = accounts(consentId, accessToken);
        if (response.statusCode() != 200) {
            return List.of();
        }
        JsonNode accounts = JSON.readTree(response.body()).get("accounts");
        return accounts.valueStream().map(a -> a.get("resourceId").asString()).toList();
    }

    /** {@code grant_type=refresh_token} as the TPP: the bank's verdict on a refresh token. */
    HttpResponse<String> refresh(String refreshToken) {
        String secret;
        try {
            secret = Files.readString(clientSecretFile()).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(url("/oauth2/token")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=refresh_token&refresh_token=" + encode(refreshToken))));
    }

    /** {@code POST /sandbox/tokens/expire}: the consent's access tokens expire now; refresh still works. */
    void expireAccessTokens(String consentId) {
        control("/sandbox/tokens/expire", consentId);
    }

    /** {@code POST /sandbox/tokens/revoke}: the consent's access and refresh tokens are revoked. */
    void revokeTokens(String consentId) {
        control("/sandbox/tokens/revoke", consentId);
    }

    private void control(String path, String consentId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("consentId", consentId)))));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String newVerifier() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> query(String location) {
        String query = URI.create(location).getRawQuery();
        return List.of(query.split("&")).stream()
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> pair[0],
                        pair -> URLDecoder.decode(pair.length > 1 ? pair[1] : "", StandardCharsets.UTF_8),
                        (first, second) -> first));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** {@code -Dbankflow.root} (set by Maven), else the nearest ancestor of the working directory holding the script. */
    private static Path repositoryRoot() {
        String configured = System.getProperty("bankflow.root", System.getenv("BANKFLOW_ROOT"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("bankflow"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the Bankflow repository root; pass -Dbankflow.root=<checkout>");
    }
}
