package io.bankflow.connection.testing;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real sandbox bank ({@code deploy/sandbox-bank/target/sandbox-bank-exec.jar}) as a child process on a free port,
 * with its own secrets directory under {@code target/}. Build the jar first with
 * {@code ./bankflow mvn -q -pl deploy/sandbox-bank install -DskipTests}. Stopped (by its own process handle) by
 * {@link #close()}.
 */
public final class SandboxBank implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final URI url;
    private final Path secretsDir;
    private final HttpClient http = HttpClient.newHttpClient();

    private SandboxBank(Process process, URI url, Path secretsDir) {
        this.process = process;
        this.url = url;
        this.secretsDir = secretsDir;
    }

    public static SandboxBank start() {
        Path root = Path.of(System.getProperty("bankflow.root", ".."));
        Path jar = root.resolve("deploy/sandbox-bank/target/sandbox-bank-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The sandbox bank jar is missing: build it with ./bankflow mvn -q -pl"
                    + " deploy/sandbox-bank install -DskipTests (" + jar + ")");
        }
        int port = freePort();
        Path state = Path.of("target", "sandbox-bank-" + port).toAbsolutePath();
        try {
            Files.createDirectories(state);
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(
                    java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=" + port));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(state.resolve("sandbox-bank.log").toFile());
            builder.environment()
                    .put("BANKFLOW_SECRETS_DIR", state.resolve("secrets").toString());
            builder.environment().remove("SERVER_PORT");
            builder.directory(new File(state.toString()));
            SandboxBank bank =
                    new SandboxBank(builder.start(), URI.create("http://127.0.0.1:" + port), state.resolve("secrets"));
            bank.awaitHealthy();
            return bank;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory holding the bank's client secret ({@code sandbox-bank-client.secret}). */
    public Path secretsDir() {
        return secretsDir;
    }

    /** The bank's base URL. */
    public URI url() {
        return url;
    }

    /** The IBAN of one of the sandbox customer's seeded accounts, by its name (e.g. {@code Driftskonto}). */
    public String ibanOf(String accountName) {
        for (JsonNode account : JSON.readTree(get("/sandbox").body()).get("accounts")) {
            if (account.get("name").asString().equals(accountName)) {
                return account.get("iban").asString();
            }
        }
        throw new IllegalArgumentException("The sandbox bank has no account " + accountName);
    }

    /** The bank's view of a consent (Berlin Group {@code GET /v1/consents/{id}}). */
    public JsonNode consent(String consentId) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(url.resolve("/v1/consents/" + consentId))
                            .header("X-Request-ID", java.util.UUID.randomUUID().toString())
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "The sandbox bank answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The bank's customer refuses the next authorisation ({@code error=access_denied}). */
    public void refuseNextAuthorisation() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(url.resolve("/sandbox/authorisations/refuse-next"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The sandbox bank answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A port nothing listens on (a service that is down). */
    public static int closedPort() {
        return freePort();
    }

    /** A GET at the bank that does not follow redirects. */
    public HttpResponse<String> get(String pathOrUrl) {
        URI target = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : url.resolve(pathOrUrl);
        try {
            return http.send(HttpRequest.newBuilder(target).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitHealthy() {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("The sandbox bank exited with " + process.exitValue());
                    }
                    try {
                        return get("/actuator/health").statusCode() == 200;
                    } catch (UncheckedIOException notYet) {
                        return false;
                    }
                });
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
