package io.bankflow.avroserde;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bankflow.avroserde.test.Ping;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Failures without a server; answers from a real registry are covered by SchemaRegistryClientIT. */
class SchemaRegistryClientTest {

    private static final String PASSWORD = "n0t-for-logs";

    // Port 1 on the loopback interface: nothing listens there, so the connection is refused at once.
    private static final String UNREACHABLE = "127.0.0.1:1/apis/ccompat/v7";

    @Test
    void saysWhichRegistryAndRequestFailedWhenNoneCanBeReached() {
        try (var client = SchemaRegistryClient.create(Map.of("schema.registry.url", "http://" + UNREACHABLE))) {
            assertThatThrownBy(() -> client.register("bankflow.pings.v1-value", Ping.getClassSchema()))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("http://" + UNREACHABLE)
                    .hasMessageContaining("could not be reached")
                    .hasMessageContaining("POST /subjects/bankflow.pings.v1-value/versions");
        }
    }

    @Test
    void neverPutsUserInfoCredentialsInAnError() {
        try (var client = SchemaRegistryClient.create(Map.of(
                "schema.registry.url", "http://" + UNREACHABLE,
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "bankflow:" + PASSWORD))) {
            assertThatThrownBy(() -> client.schemaById(1))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("GET /schemas/ids/1")
                    .hasMessageNotContaining(PASSWORD)
                    .hasStackTraceContaining("could not be reached");
        }
    }

    @Test
    void neverPutsUrlCredentialsInAnError() {
        try (var client = SchemaRegistryClient.create(
                Map.of("schema.registry.url", "http://bankflow:" + PASSWORD + "@" + UNREACHABLE))) {
            assertThatThrownBy(() -> client.subjects())
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("http://" + UNREACHABLE)
                    .hasMessageNotContaining(PASSWORD)
                    .hasMessageNotContaining("bankflow:");
        }
    }

    @Test
    void scrubsCredentialsFromAnyTextItReports() {
        BasicCredentials credentials = BasicCredentials.parse("bankflow:" + PASSWORD);
        String header = credentials.authorizationHeader();

        org.assertj.core.api.Assertions.assertThat(
                        credentials.redact("echo: bankflow:" + PASSWORD + " / " + header + " / " + PASSWORD))
                .doesNotContain(PASSWORD)
                .doesNotContain(header.substring("Basic ".length()))
                .contains("[redacted]");
    }
}
