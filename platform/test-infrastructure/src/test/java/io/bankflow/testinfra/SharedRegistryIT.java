package io.bankflow.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SharedRegistryIT {

    private static final String CONFLUENT_JSON = "application/vnd.schemaregistry.v1+json";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void answersTheConfluentCompatibleSubjectsEndpoint() throws Exception {
        HttpResponse<String> response = get(TestRegistry.ccompatUrl() + "/subjects");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("[");
    }

    @Test
    void registersAnAvroSchemaUnderANewSubject() throws Exception {
        String subject = "testinfra-" + UUID.randomUUID() + "-value";
        String schema =
                "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Ping\\\",\\\"namespace\\\":\\\"io.bankflow.test\\\","
                        + "\\\"fields\\\":[{\\\"name\\\":\\\"id\\\",\\\"type\\\":\\\"string\\\"}]}";

        HttpResponse<String> registered = http.send(
                HttpRequest.newBuilder(URI.create(TestRegistry.ccompatUrl() + "/subjects/" + subject + "/versions"))
                        .header("Content-Type", CONFLUENT_JSON)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"" + schema + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(registered.body()).matches("\\{\"id\":\\d+}");
        assertThat(get(TestRegistry.ccompatUrl() + "/subjects").body()).contains("\"" + subject + "\"");
    }

    @Test
    void anotherJvmReusesTheRunningRegistryInsteadOfStartingOne() throws Exception {
        assumeTrue(TestServersSettings.fromEnvironment().registryUrl() == null, "an external registry is configured");
        String url = TestRegistry.ccompatUrl();
        OptionalLong pid = TestRegistry.startedPid();

        List<String> output = runInAnotherJvm("start");

        assertThat(output).contains("url=" + url);
        assertThat(output.stream().filter(line -> line.startsWith("pid=")).toList())
                .isEqualTo(pid.stream().mapToObj(p -> "pid=" + p).toList());
        assertThat(TestRegistry.startedPid()).isEqualTo(pid);
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Runs {@link TestRegistry#main} in a fresh JVM, as a second test JVM of the same build would use it. */
    private static List<String> runInAnotherJvm(String command) throws Exception {
        Path classes = Path.of(TestRegistry.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classes.toString(),
                        "-Dbankflow.root="
                                + TestServersSettings.fromEnvironment().requireRoot(),
                        TestRegistry.class.getName(),
                        command)
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(exited)
                .as("TestRegistry %s finished; output:%n%s", command, output)
                .isTrue();
        assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();
        return output.lines().toList();
    }
}
