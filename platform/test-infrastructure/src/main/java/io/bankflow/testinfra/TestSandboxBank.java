package io.bankflow.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The real sandbox bank ({@code deploy/sandbox-bank/target/sandbox-bank-exec.jar}) as a child process of the test JVM:
 * a free loopback port, its own state directory (secrets, log) under the calling module's {@code target/}, and the TPP
 * client secret it generated there. Unlike the dev issuer it is not shared: each {@link #start()} is a bank of its own,
 * and {@link #close()} stops exactly that process by its handle.
 *
 * <p>Also the TPP's and the customer's side of a consent, as connection-service and token-vault-service do it for real:
 * {@link #authorize(String)} (create a consent, authorise it with PKCE S256, take the code from the 302) and {@link
 * #exchange(Authorization, String)} / {@link #accessTokenFor(Authorization, String)}.
 *
 * <p>JDK only, like {@link TestIssuer}.
 */
public final class TestSandboxBank implements AutoCloseable {

    /** The TPP client the bank knows ({@code sandbox-bank.oauth.client-id}'s default). */
    public static final String CLIENT_ID = "bankflow-local";

    /** How to build the bank's jar when it is missing. */
    public static final String BUILD_HINT = "./bankflow mvn -q -pl deploy/sandbox-bank install -DskipTests";

    private static final String JAR = "deploy/sandbox-bank/target/sandbox-bank-exec.jar";
    private static final String SECRET_FILE = "sandbox-bank-client.secret";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Process process;
    private final URI url;
    private final Path secretsDir;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private TestSandboxBank(Process process, URI url, Path secretsDir, Path log) {
        this.process = process;
        this.url = url;
        this.secretsDir = secretsDir;
        this.log = log;
    }

    /** A bank with its defaults (redirect URIs {@code http://127.0.0.1:*}/{@code localhost:*}{@code /oauth/callback}). */
    public static TestSandboxBank start() {
        return builder().start();
    }

    /** Options for {@link Builder#start()}: redirect URIs, the daily read quota, further environment. */
    public static Builder builder() {
        return new Builder();
    }

    /** What the bank is started with; everything not set keeps the bank's own default. */
    public static final class Builder {

        private final List<String> redirectUris = new ArrayList<>();
        private @Nullable Boolean enforceFrequency;
        private final Map<String, String> environment = new LinkedHashMap<>();

        private Builder() {}

        /** The only redirect URIs its TPP client accepts ({@code SANDBOX_BANK_REDIRECT_URIS}). */
        public Builder redirectUris(String... uris) {
            redirectUris.addAll(List.of(uris));
            return this;
        }

        /** Whether {@code frequencyPerDay} is enforced ({@code SANDBOX_BANK_ENFORCE_FREQUENCY}, bank default true). */
        public Builder enforceFrequency(boolean enforce) {
            enforceFrequency = enforce;
            return this;
        }

        /** Any other environment variable for the bank (set last, so it wins). */
        public Builder environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /**
         * Starts the bank and waits until it is ready and has written its client secret.
         *
         * @throws IllegalStateException if the jar is not built (the message says how), or the bank exits or does not
         *     become ready in time (the message names its log)
         */
        public TestSandboxBank start() {
            Path jar = TestServersSettings.fromEnvironment().requireRoot().resolve(JAR);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(
                        "The sandbox bank jar is missing (" + jar + "); build it with: " + BUILD_HINT);
            }
            try {
                Path parent = Files.createDirectories(Path.of("target", "sandbox-bank"))
                        .toAbsolutePath();
                int port = freePort();
                Path home = Files.createTempDirectory(parent, port + "-");
                Path secrets = Files.createDirectories(home.resolve("secrets"));
                Path log = home.resolve("sandbox-bank.log");
                String java = ProcessHandle.current().info().command().orElse("java");
                ProcessBuilder builder = new ProcessBuilder(
                                java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                        .directory(home.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                Map<String, String> env = builder.environment();
                // Nothing of a developer's: the secret must be the generated one in our directory, the port ours.
                env.keySet()
                        .removeIf(name -> name.startsWith("SANDBOX_BANK_")
                                || name.startsWith("BANKFLOW_")
                                || name.equals("SERVER_PORT"));
                env.put("SERVER_PORT", Integer.toString(port));
                env.put("BANKFLOW_BIND_ADDRESS", "127.0.0.1");
                env.put("BANKFLOW_HOME", home.toString());
                env.put("BANKFLOW_SECRETS_DIR", secrets.toString());
                if (!redirectUris.isEmpty()) {
                    env.put("SANDBOX_BANK_REDIRECT_URIS", String.join(",", redirectUris));
                }
                if (enforceFrequency != null) {
                    env.put("SANDBOX_BANK_ENFORCE_FREQUENCY", enforceFrequency.toString());
                }
                env.putAll(environment);
                TestSandboxBank bank =
                        new TestSandboxBank(builder.start(), URI.create("http://127.0.0.1:" + port), secrets, log);
                bank.awaitReady();
                return bank;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        try {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "The sandbox bank exited with " + process.exitValue() + "; see " + log + tail());
                }
                if (ready() && Files.isRegularFile(clientSecretFile())) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("The sandbox bank did not become ready within "
                            + START_TIMEOUT.toSeconds() + "s; see " + log + tail());
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Interrupted while waiting for the sandbox bank", e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private boolean ready() {
        try {
            return http.send(
                                    HttpRequest.newBuilder(url.resolve("/actuator/health/readiness"))
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    /** Stops the bank this object started, by its own process handle (SIGTERM, SIGKILL after 20 s). */
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

    // ---- where it is and who we are at it ----------------------------------------------------------------------

    /** The bank's base URL, {@code http://127.0.0.1:<port>}. */
    public URI url() {
        return url;
    }

    /** {@code url() + path}, e.g. {@code url("/oauth2/token")}. */
    public String url(String path) {
        return url + path;
    }

    /** The TPP client id ({@value #CLIENT_ID}). */
    public String clientId() {
        return CLIENT_ID;
    }

    /** The TPP client secret the bank generated into {@link #secretsDir()}. */
    public String clientSecret() {
        try {
            return Files.readString(clientSecretFile()).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file holding {@link #clientSecret()} ({@code sandbox-bank-client.secret}). */
    public Path clientSecretFile() {
        return secretsDir.resolve(SECRET_FILE);
    }

    /** The bank's secrets directory (also what a service reading the client secret file is pointed at). */
    public Path secretsDir() {
        return secretsDir;
    }

    // ---- plain HTTP at the bank -------------------------------------------------------------------------------

    /** Sends a request (30 s timeout, redirects not followed). */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(
                    request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET of a path at the bank or of an absolute URL (anywhere), not following redirects. */
    public HttpResponse<String> get(String pathOrUrl) {
        URI target = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : url.resolve(pathOrUrl);
        return send(HttpRequest.newBuilder(target).GET());
    }

    /** A POST of a JSON body to a path at the bank (e.g. its {@code /sandbox/...} controls). */
    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(url.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    // ---- the consent: the TPP's and the customer's steps ------------------------------------------------------

    /** A consent the customer authorised: the code from the redirect and what the TPP kept for the exchange. */
    public record Authorization(String consentId, String code, String codeVerifier) {}

    /**
     * {@code POST /v1/consents} for all PSD2 accounts (recurring, 90 days, 4 a day), then the customer's trip through
     * {@code /oauth2/authorize} with PKCE S256; answers the code from the 302 to {@code redirectUri}.
     */
    public Authorization authorize(String redirectUri) {
        String consentId = createConsent();
        String verifier = newVerifier();
        String state = UUID.randomUUID().toString();
        HttpResponse<String> redirect = get("/oauth2/authorize?response_type=code&client_id=" + CLIENT_ID
                + "&redirect_uri=" + encode(redirectUri) + "&scope=" + encode("AIS:" + consentId) + "&state=" + state
                + "&code_challenge=" + challengeOf(verifier) + "&code_challenge_method=S256");
        if (redirect.statusCode() != 302) {
            throw new IllegalStateException("authorize answered " + redirect.statusCode() + ": " + redirect.body());
        }
        Map<String, String> callback =
                query(redirect.headers().firstValue("Location").orElseThrow());
        if (!state.equals(callback.get("state"))) {
            throw new IllegalStateException("The redirect carries state " + callback.get("state") + ", not " + state);
        }
        String code = callback.get("code");
        if (code == null) {
            throw new IllegalStateException("The redirect carries no code: " + callback.get("error"));
        }
        return new Authorization(consentId, code, verifier);
    }

    /** {@code grant_type=authorization_code} as the TPP (client secret basic): the bank's token response as is. */
    public HttpResponse<String> exchange(Authorization authorization, String redirectUri) {
        return token("grant_type=authorization_code&code=" + encode(authorization.code()) + "&redirect_uri="
                + encode(redirectUri) + "&code_verifier=" + encode(authorization.codeVerifier()));
    }

    /** {@link #exchange} that must succeed: the access token. */
    public String accessTokenFor(Authorization authorization, String redirectUri) {
        HttpResponse<String> token = exchange(authorization, redirectUri);
        if (token.statusCode() != 200) {
            throw new IllegalStateException("/oauth2/token answered " + token.statusCode() + ": " + token.body());
        }
        return jsonString(token.body(), "access_token");
    }

    /** {@code grant_type=refresh_token} as the TPP: the bank's verdict on a refresh token. */
    public HttpResponse<String> refresh(String refreshToken) {
        return token("grant_type=refresh_token&refresh_token=" + encode(refreshToken));
    }

    private HttpResponse<String> token(String form) {
        String basic =
                Base64.getEncoder().encodeToString((CLIENT_ID + ":" + clientSecret()).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(url.resolve("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private String createConsent() {
        String body = """
                {"access": {"allPsd2": "allAccounts"}, "recurringIndicator": true, "validUntil": "%s",
                 "frequencyPerDay": 4, "combinedServiceIndicator": false}""".formatted(LocalDate.now(ZoneOffset.UTC).plusDays(90));
        HttpResponse<String> created = send(HttpRequest.newBuilder(url.resolve("/v1/consents"))
                .header("Content-Type", "application/json")
                .header("X-Request-ID", UUID.randomUUID().toString())
                .header("PSU-IP-Address", "192.0.2.10")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (created.statusCode() != 201) {
            throw new IllegalStateException(
                    "POST /v1/consents answered " + created.statusCode() + ": " + created.body());
        }
        return jsonString(created.body(), "consentId");
    }

    /** A fresh PKCE code verifier (32 random bytes, base64url). */
    public static String newVerifier() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The S256 code challenge of a verifier. */
    public static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A free loopback port (nothing listens there once this returns: also "a server that is down"). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jsonString(String json, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"([^\"]*)\"")
                .matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No " + field + " in " + json);
        }
        return m.group(1);
    }

    private static Map<String, String> query(String location) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = URI.create(location).getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
