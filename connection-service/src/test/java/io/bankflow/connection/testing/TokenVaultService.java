package io.bankflow.connection.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real token-vault-service ({@code token-vault-service/target/token-vault-service-exec.jar}) as a child process,
 * for the code exchange of the OAuth callback. The caller gives it its database, broker, registry, issuer and the
 * sandbox bank; its keyset and the sandbox bank's client secret live in {@code secretsDir}. Stopped by
 * {@link #close()} (its own process only).
 */
public final class TokenVaultService implements AutoCloseable {

    private final Process process;

    private TokenVaultService(Process process) {
        this.process = process;
    }

    /** Whether the jar exists (it is built by the token-vault-service module). */
    public static boolean available() {
        return Files.isRegularFile(jar());
    }

    public static TokenVaultService start(int port, Path secretsDir, Map<String, String> environment) {
        Path log = Path.of("target", "token-vault-" + port + ".log").toAbsolutePath();
        try {
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(
                            List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar().toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            builder.environment().put("BANKFLOW_SECRETS_DIR", secretsDir.toString());
            TokenVaultService service = new TokenVaultService(builder.start());
            service.awaitHealthy(URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness"));
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path jar() {
        return Path.of(System.getProperty("bankflow.root", ".."))
                .resolve("token-vault-service/target/token-vault-service-exec.jar");
    }

    private void awaitHealthy(URI health) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("token-vault-service exited with " + process.exitValue());
                    }
                    try {
                        return http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
