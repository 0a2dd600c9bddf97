package io.bankflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as stack.sh runs it: a separate process that stays up until SIGTERM and keeps its data. */
class EmbeddedPostgresServerIT {

    @TempDir
    Path dir;

    @Test
    void servesOnItsPortUntilTerminatedThenStopsPostgresAndKeepsTheData() throws Exception {
        int port = freePort();
        Path data = dir.resolve("data");

        Process first = startServer(port, data, dir.resolve("first.log"));
        try {
            awaitReady(first, dir.resolve("first.log"));
            long postmaster = EmbeddedPostgresServer.postmasterPid(data);
            execute(port, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");

            first.destroy(); // SIGTERM, as stack.sh down sends it

            assertThat(first.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            ProcessHandle.of(postmaster).map(p -> !p.isAlive()).orElse(true));
        } finally {
            first.destroyForcibly();
        }

        Process second = startServer(port, data, dir.resolve("second.log"));
        try {
            awaitReady(second, dir.resolve("second.log"));
            try (Connection connection = DriverManager.getConnection(EmbeddedPostgresServer.adminUrl(port));
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT id FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
            }
        } finally {
            second.destroy();
            second.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
            second.destroyForcibly();
        }
    }

    @Test
    void exitsWithUsageWhenThePortIsMissing() throws Exception {
        Process process = new ProcessBuilder(javaCommand("--data-dir", dir.toString()))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());

        assertThat(process.waitFor()).isEqualTo(2);
        assertThat(output).contains("--port is required").contains("usage: EmbeddedPostgresServer");
    }

    private Process startServer(int port, Path data, Path log) throws IOException {
        return new ProcessBuilder(javaCommand("--port", Integer.toString(port), "--data-dir", data.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static void awaitReady(Process process, Path log) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    assertThat(process.isAlive())
                            .as("server process alive; its output: %s", read(log))
                            .isTrue();
                    return read(log).contains("embedded PostgreSQL ready");
                });
    }

    private static List<String> javaCommand(String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(
                List.of(java, "-cp", System.getProperty("java.class.path"), EmbeddedPostgresServer.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static void execute(int port, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(EmbeddedPostgresServer.adminUrl(port));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
