package io.bankflow.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole stack, started and stopped exactly as a user does it: {@code ./bankflow up} (which ends with the demo
 * scenario) and {@code ./bankflow down}, on its own port base and state directory so it never meets a stack a
 * developer runs. Its PostgreSQL is the embedded one on base + 43, with its data in the state directory: the machine's
 * server would share the service databases (and their outbox tables) with a developer's stack, and would keep the
 * previous run's data.
 */
final class LocalStack implements AutoCloseable {

    private static final Duration UP_TIMEOUT = Duration.ofMinutes(10);

    /**
     * The sandbox bank of the test stack starts every code and token it issues with this, so tests can search the
     * whole system for leaked bank secrets (PlantedSecretsIT).
     */
    static final String SECRET_MARKER = "PLANTEDSECRET";
    /** What {@code ./bankflow up} prints once every component is healthy, before the demo runs. */
    private static final String STACK_UP = "bankflow: up in ";

    private final Path root;
    private final Path home;
    private final int portBase;
    private final Path log;
    private int upExitCode;

    private LocalStack(Path root, int portBase) {
        this.root = root;
        this.home = root.resolve(".bankflow/system-test");
        this.portBase = portBase;
        this.log = root.resolve("deploy/system-tests/target/local-stack.log");
    }

    /** Starts from nothing: any earlier system-test stack is stopped and its data removed first. */
    static LocalStack startCold() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("bankflow.root", "../.."))
                .toAbsolutePath()
                .normalize();
        int base = Integer.parseInt(System.getProperty("bankflow.system-test.port-base", "48600"));
        LocalStack stack = new LocalStack(root, base);
        Files.createDirectories(stack.log.getParent());
        Files.deleteIfExists(stack.log);
        stack.bankflow("down");
        deleteRecursively(stack.home.resolve("data"));
        stack.upExitCode = stack.bankflow("up", "--no-build");
        if (stack.upExitCode != 0 && !stack.output().contains(STACK_UP)) {
            stack.stop();
            throw new IllegalStateException(
                    "./bankflow up failed (exit " + stack.upExitCode + ") before the stack was up; see " + stack.log);
        }
        // Up, but the demo that 'up' runs last may have failed: the demo's own test reports that.
        return stack;
    }

    /** The exit status of {@code ./bankflow up}: not 0 when the demo failed (the stack is up all the same). */
    int upExitCode() {
        return upExitCode;
    }

    int stop() throws IOException, InterruptedException {
        return bankflow("down");
    }

    /**
     * Stops the stack when the last test class of the JVM is done (the root extension context closes it) and checks
     * that {@code ./bankflow down} left no process it had started.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        Map<String, Long> started = startedPids();
        int exit = stop();
        List<String> survivors = new java.util.ArrayList<>();
        started.forEach((name, pid) -> {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                survivors.add(name + " (pid " + pid + ")");
            }
        });
        if (exit != 0 || started.isEmpty() || !survivors.isEmpty()) {
            throw new AssertionError("./bankflow down exited " + exit + "; processes recorded: " + started.keySet()
                    + "; still alive after it: " + survivors + "; see " + log);
        }
    }

    /** Everything {@code ./bankflow up} and {@code down} printed in this run (the demo's output included). */
    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    Path home() {
        return home;
    }

    String url(int offset) {
        return "http://127.0.0.1:" + (portBase + offset);
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + (portBase + 92);
    }

    /** JDBC URL of a database on the stack's own (embedded) PostgreSQL, for user {@code postgres}. */
    String postgresUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + (portBase + 43) + "/" + database;
    }

    String registryUrl() {
        return url(81) + "/apis/ccompat/v7";
    }

    /** A demo client's secret, as the dev issuer generated it into the stack's state directory. */
    String clientSecret(String clientId) throws IOException {
        return Files.readString(home.resolve("secrets").resolve(clientId + ".secret"), StandardCharsets.US_ASCII)
                .strip();
    }

    /** Every process the stack recorded as started, by component name. */
    Map<String, Long> startedPids() throws IOException {
        Map<String, Long> pids = new HashMap<>();
        Path run = home.resolve("run");
        if (!Files.isDirectory(run)) {
            return pids;
        }
        try (Stream<Path> files = Files.list(run)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                String name = file.getFileName().toString().replace(".pid", "");
                pids.put(name, Long.parseLong(Files.readString(file).strip()));
            }
        }
        return pids;
    }

    private int bankflow(String... args) throws IOException, InterruptedException {
        List<String> command = Stream.concat(Stream.of(root.resolve("bankflow").toString()), Stream.of(args))
                .toList();
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("BANKFLOW_PORT_BASE", Integer.toString(portBase));
        builder.environment().put("BANKFLOW_HOME", home.toString());
        builder.environment()
                .put(
                        "BANKFLOW_PG_ADMIN_URL",
                        "jdbc:postgresql://127.0.0.1:" + (portBase + 43) + "/postgres?user=postgres");
        // The sandbox bank enforces PSD2's 4 unattended reads per consent, account and day, as in production: the
        // first sync and the webhook sync are unattended, the re-run names the user's IP (user present).
        builder.environment().put("SANDBOX_BANK_SECRET_MARKER", SECRET_MARKER);
        Process process = builder.start();
        if (!process.waitFor(UP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    "./bankflow " + String.join(" ", args) + " did not finish within " + UP_TIMEOUT + "; see " + log);
        }
        return process.exitValue();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
