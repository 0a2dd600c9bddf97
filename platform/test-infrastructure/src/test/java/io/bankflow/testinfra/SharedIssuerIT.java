package io.bankflow.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SharedIssuerIT {

    @Test
    void issuesTokensCarryingTheDemoClientsOrganisationAndRoles() {
        String token = TestIssuer.accessToken("acme-erp");

        assertThat(claimsOf(token))
                .contains("\"iss\":\"" + TestIssuer.issuerUri() + "\"")
                .contains("\"org_id\":\"acme-industries\"")
                .contains("\"roles\":[\"finance\",\"admin\"]")
                .contains("\"sub\":\"acme-erp\"");
        assertThat(claimsOf(TestIssuer.accessToken("globex-erp"))).contains("\"org_id\":\"globex-trading\"");
        assertThat(claimsOf(TestIssuer.accessToken("acme-readonly"))).contains("\"roles\":[]");
    }

    @Test
    void reusesATokenUntilItIsAboutToExpire() {
        assertThat(TestIssuer.accessToken("acme-erp")).isEqualTo(TestIssuer.accessToken("acme-erp"));
    }

    @Test
    void publishesItsDiscoveryDocumentUnderTheIssuerUri() throws Exception {
        HttpResponse<String> discovery = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(TestIssuer.issuerUri() + "/.well-known/openid-configuration"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body()).contains("\"issuer\":\"" + TestIssuer.issuerUri() + "\"");
    }

    @Test
    void explainsAnUnknownClient() {
        assertThatThrownBy(() -> TestIssuer.accessToken("initech-erp"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("initech-erp")
                .hasMessageContaining("acme-erp, acme-readonly, globex-erp");
    }

    @Test
    void anotherJvmReusesTheRunningIssuerInsteadOfStartingOne() throws Exception {
        String issuer = TestIssuer.issuerUri();
        OptionalLong pid = TestIssuer.startedPid();

        List<String> output = runInAnotherJvm("start");

        assertThat(output).contains("issuer=" + issuer);
        assertThat(output.stream().filter(line -> line.startsWith("pid=")).toList())
                .isEqualTo(pid.stream().mapToObj(p -> "pid=" + p).toList());
        assertThat(TestIssuer.startedPid()).isEqualTo(pid);
    }

    private static String claimsOf(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    /** Runs {@link TestIssuer#main} in a fresh JVM, as a second test JVM of the same build would use it. */
    private static List<String> runInAnotherJvm(String command) throws Exception {
        Path classes = Path.of(TestIssuer.class
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
                        TestIssuer.class.getName(),
                        command)
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(exited)
                .as("TestIssuer %s finished; output:%n%s", command, output)
                .isTrue();
        assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();
        return output.lines().toList();
    }
}
