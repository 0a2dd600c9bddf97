package io.bankflow.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Process and state-file plumbing shared by the servers tests start once and reuse (registry, issuer). */
final class ServerProcesses {

    private ServerProcesses() {}

    /** Waits for the process to exit; wakes early when it does, so a crash is seen at once. */
    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not wait for process " + process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for process " + process.pid(), e);
        }
    }

    /** SIGTERM, then SIGKILL when it has not exited within {@code timeout}. */
    static void stop(ProcessHandle process, Duration timeout) {
        process.destroy();
        if (!awaitExit(process, timeout)) {
            process.destroyForcibly();
            awaitExit(process, timeout);
        }
    }

    /** Other JVMs read pid and port files without the lock: they must never see a half-written one. */
    static void writeAtomically(Path file, String content) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(temp, content + "\n", StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The end of a server's log, for a failure message; empty when there is none. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> last = lines.subList(Math.max(0, lines.size() - 15), lines.size());
            return last.isEmpty() ? "" : "\n--- last lines of the log ---\n" + String.join("\n", last);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }
}
