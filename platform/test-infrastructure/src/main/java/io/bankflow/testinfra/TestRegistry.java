package io.bankflow.testinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * A real Apicurio Registry for tests, speaking the Confluent Schema Registry API at {@link #ccompatUrl()}.
 *
 * <p>Started once per checkout and shared by every test JVM of a build: the first caller starts it as a child process
 * on the test ports (HTTP {@value #HTTP_PORT}, management {@value #MANAGEMENT_PORT}) and records its pid in {@code
 * .bankflow/test-registry/registry.pid}; later callers, in this JVM or any other, find it ready and reuse it. A file lock
 * makes sure two JVMs never both start one. It is deliberately left running when the JVM exits (a cold start costs
 * seconds, reuse costs one HTTP call); {@link #stopStarted()} or {@code java -cp <this jar> io.bankflow.testinfra.TestRegistry
 * stop} stops it by pid at the end of a test run.
 *
 * <p>With {@code BANKFLOW_TEST_REGISTRY_URL} (or {@code -Dbankflow.test.registry.url}) set, nothing is started and that
 * registry is used instead.
 *
 * <p>Storage is Apicurio's default in-memory database: schemas live as long as the process. Tests must therefore use
 * their own subjects (topic names) rather than expect an empty registry.
 *
 * <p>This class uses the JDK only, so that its {@link #main} runs with nothing but this module's jar on the class path.
 */
public final class TestRegistry {

    /** Test ports: base 28600 + the local stack's offsets, so tests never touch a running stack (18681/18682). */
    public static final int HTTP_PORT = 28681;

    public static final int MANAGEMENT_PORT = 28682;

    private static final String HOST = "127.0.0.1";
    private static final String CCOMPAT_PATH = "/apis/ccompat/v7";
    private static final URI READINESS = URI.create("http://" + HOST + ":" + MANAGEMENT_PORT + "/health/ready");
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final long STOP_TIMEOUT_SECONDS = 30;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(STOP_TIMEOUT_SECONDS);
    private static final String LAUNCHER_JAR = "quarkus-run.jar";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** Set once this JVM has seen the registry ready; later calls skip even the health check. */
    private static volatile boolean knownReady;

    private TestRegistry() {}

    /**
     * The Confluent-compatible API of a ready registry, e.g. {@code http://127.0.0.1:28681/apis/ccompat/v7}: the value
     * for {@code schema.registry.url}. Starts the registry if none is running; blocks until it is ready.
     *
     * @throws IllegalStateException if the registry cannot be started or does not become ready in time
     */
    public static String ccompatUrl() {
        TestServersSettings settings = TestServersSettings.fromEnvironment();
        if (settings.registryUrl() != null) {
            return settings.registryUrl();
        }
        ensureRunning(settings);
        return "http://" + HOST + ":" + HTTP_PORT + CCOMPAT_PATH;
    }

    /**
     * The pid of the registry this checkout started, if it is still running. Empty when the registry in use was started
     * by someone else (another checkout, a developer) or is external.
     */
    public static OptionalLong startedPid() {
        return startedProcess(stateDirectory(TestServersSettings.fromEnvironment()))
                .map(process -> OptionalLong.of(process.pid()))
                .orElseGet(OptionalLong::empty);
    }

    /**
     * Stops the registry recorded in {@code .bankflow/test-registry/registry.pid}, if it is still running: SIGTERM, then
     * SIGKILL after 30 s. Processes not started by {@link TestRegistry} are never touched
     * (the recorded pid must still belong to a registry launcher).
     *
     * @return whether a running registry was stopped
     */
    public static synchronized boolean stopStarted() {
        Path state = stateDirectory(TestServersSettings.fromEnvironment());
        try (FileChannel channel = openLockFile(state);
                FileLock ignored = channel.lock()) {
            Optional<ProcessHandle> process = startedProcess(state);
            Files.deleteIfExists(state.resolve("registry.pid"));
            knownReady = false;
            if (process.isEmpty()) {
                return false;
            }
            ServerProcesses.stop(process.get(), STOP_TIMEOUT);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the test registry recorded in " + state, e);
        }
    }

    /**
     * Command line for build scripts: {@code start} (print the ccompat URL once ready, and the pid if this checkout
     * started it), {@code stop} (stop the registry this checkout started) or {@code status}.
     */
    public static void main(String[] args) {
        String command = args.length == 0 ? "status" : args[0];
        switch (command) {
            case "start" -> {
                System.out.println("url=" + ccompatUrl());
                startedPid().ifPresent(pid -> System.out.println("pid=" + pid));
            }
            case "stop" -> System.out.println(stopStarted() ? "stopped" : "not running");
            case "status" -> {
                System.out.println(isReady() ? "ready" : "not ready");
                startedPid().ifPresent(pid -> System.out.println("pid=" + pid));
            }
            default -> {
                System.err.println("usage: TestRegistry start|stop|status");
                System.exit(2);
            }
        }
    }

    private static synchronized void ensureRunning(TestServersSettings settings) {
        if (knownReady) {
            return;
        }
        // Fast path without the lock: the common case in every JVM but the first of a build.
        if (isReady()) {
            knownReady = true;
            return;
        }
        Path state = stateDirectory(settings);
        try (FileChannel channel = openLockFile(state);
                FileLock ignored = channel.lock()) {
            // Another JVM may have started it while we waited for the lock.
            if (isReady()) {
                knownReady = true;
                return;
            }
            Optional<ProcessHandle> booting = startedProcess(state);
            if (booting.isPresent()) {
                // Started by a JVM that gave up or died before it was ready: wait for it rather than start a second.
                awaitReady(booting.get(), settings, state, false);
            } else {
                awaitReady(start(settings, state), settings, state, true);
            }
            knownReady = true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the test registry (state in " + state + ")", e);
        }
    }

    private static ProcessHandle start(TestServersSettings settings, Path state) throws IOException {
        Path home = settings.requireRoot().resolve(".bankflow/tools/apicurio-registry-" + apicurioVersion());
        if (!Files.isRegularFile(home.resolve(LAUNCHER_JAR))) {
            throw new IllegalStateException("Apicurio Registry is not unpacked at " + home
                    + "; the build of platform/test-infrastructure unpacks it: ./bankflow mvn -q -pl"
                    + " platform/test-infrastructure install");
        }
        Path log = state.resolve("registry.log");
        // The JVM running the tests is Java 25: Apicurio needs 21+, so it is always good enough.
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(
                java.toString(),
                // Small and quick to start: a test registry serves a few hundred requests in its life (C1 only).
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=" + HOST,
                "-Dquarkus.http.port=" + HTTP_PORT,
                "-Dquarkus.management.host=" + HOST,
                "-Dquarkus.management.port=" + MANAGEMENT_PORT,
                // Tests may clean up the subjects they registered.
                "-Dapicurio.rest.deletion.group.enabled=true",
                "-Dapicurio.rest.deletion.artifact.enabled=true",
                "-Dapicurio.rest.deletion.artifact-version.enabled=true",
                "-jar",
                LAUNCHER_JAR);
        Process process = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        // Nothing is ever written to its stdin; closing it means the child holds no pipe back to this JVM.
        process.getOutputStream().close();
        ServerProcesses.writeAtomically(state.resolve("registry.pid"), Long.toString(process.pid()));
        return process.toHandle();
    }

    private static void awaitReady(ProcessHandle process, TestServersSettings settings, Path state, boolean startedHere)
            throws IOException {
        Duration timeout = settings.registryStartTimeout();
        Instant deadline = Instant.now().plus(timeout);
        Path log = state.resolve("registry.log");
        while (!isReady()) {
            if (!process.isAlive()) {
                Files.deleteIfExists(state.resolve("registry.pid"));
                throw new IllegalStateException("Apicurio Registry (pid " + process.pid()
                        + ") exited before it became ready; see " + log + ServerProcesses.tail(log));
            }
            if (Instant.now().isAfter(deadline)) {
                if (startedHere) {
                    // Leave no half-started process behind: the next attempt starts from scratch.
                    process.destroyForcibly();
                    Files.deleteIfExists(state.resolve("registry.pid"));
                }
                String hint = startedHere
                        ? ""
                        : " (started earlier as pid " + process.pid() + ": stop it with TestRegistry.stopStarted()"
                                + " or 'kill " + process.pid() + "')";
                throw new IllegalStateException("Apicurio did not become ready within " + timeout.toSeconds() + "s"
                        + hint + "; see " + log + ServerProcesses.tail(log));
            }
            // Wakes early if the process dies, so a crash is reported at once rather than at the deadline.
            ServerProcesses.awaitExit(process, POLL_INTERVAL);
        }
    }

    private static boolean isReady() {
        HttpRequest request = HttpRequest.newBuilder(READINESS)
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking the test registry", e);
        }
    }

    /** The process recorded in the pid file, if it is alive and still a registry launcher (pids get reused). */
    private static Optional<ProcessHandle> startedProcess(Path state) {
        Path pidFile = state.resolve("registry.pid");
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info()
                        .commandLine()
                        .map(line -> line.contains(LAUNCHER_JAR))
                        .orElse(false));
    }

    private static Path stateDirectory(TestServersSettings settings) {
        Path state = settings.requireRoot().resolve(".bankflow/test-registry");
        try {
            return Files.createDirectories(state);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + state, e);
        }
    }

    private static FileChannel openLockFile(Path state) throws IOException {
        return FileChannel.open(state.resolve("registry.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    /** The version the build unpacked, written into this jar from the root pom's {@code apicurio-registry.version}. */
    private static String apicurioVersion() {
        Properties properties = new Properties();
        try (InputStream in = TestRegistry.class.getResourceAsStream("test-infrastructure.properties")) {
            if (in == null) {
                throw new IllegalStateException("test-infrastructure.properties is missing from the jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("apicurio-registry.version");
        if (version == null || version.startsWith("@")) {
            throw new IllegalStateException(
                    "apicurio-registry.version was not filtered into test-infrastructure.properties");
        }
        return version;
    }
}
