package io.bankflow.sync.statements.adapter.out.provider.berlingroup;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The real sandbox bank (deploy/sandbox-bank's executable jar) as a child process of the test JVM: a free port, its
 * own secrets directory (so the TPP client secret is known), the daily read quota off (the 429 tests queue their own
 * through {@code /sandbox/rate-limit}). Stopped by pid, never by name.
 */
final class SandboxBankProcess implements AutoCloseable {

    static final String BUILD_HINT = "./bankflow mvn -q -pl deploy/sandbox-bank install -DskipTests";

    private final Process process;
    private final Path secretsDir;
    final String baseUrl;

    private SandboxBankProcess(Process process, Path secretsDir, String baseUrl) {
        this.process = process;
        this.secretsDir = secretsDir;
        this.baseUrl = baseUrl;
    }

    /** Starts the bank and waits until it is ready; skips the test (assumption) when its jar was not built. */
    static SandboxBankProcess start() throws IOException {
        Path root = Path.of(System.getProperty("bankflow.root", "."))
                .toAbsolutePath()
                .normalize();
        Path jar = root.resolve("deploy/sandbox-bank/target/sandbox-bank-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("sandbox bank jar missing at " + jar + "; build it with: " + BUILD_HINT);
        }
        int port = freePort();
        Path workDir = Files.createDirectories(root.resolve("sync-service/target/sandbox-bank-it/" + port));
        Path secrets = Files.createDirectories(workDir.resolve("secrets"));
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("sandbox-bank.log").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("SANDBOX_BANK_") || name.startsWith("BANKFLOW_"));
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("BANKFLOW_SECRETS_DIR", secrets.toString());
        env.put("BANKFLOW_HOME", workDir.toString());
        env.put("SANDBOX_BANK_ENFORCE_FREQUENCY", "false");
        Process process = builder.start();
        SandboxBankProcess bank = new SandboxBankProcess(process, secrets, "http://127.0.0.1:" + port);
        try {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("sandbox bank exited with " + process.exitValue() + "; see "
                                    + workDir.resolve("sandbox-bank.log"));
                        }
                        return bank.ready();
                    });
        } catch (RuntimeException e) {
            bank.close();
            throw e;
        }
        return bank;
    }

    /** The TPP client secret the bank generated into our secrets directory. */
    String clientSecret() throws IOException {
        return Files.readString(secretsDir.resolve("sandbox-bank-client.secret"))
                .strip();
    }

    private boolean ready() {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
