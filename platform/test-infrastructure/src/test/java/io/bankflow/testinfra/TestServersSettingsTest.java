package io.bankflow.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bankflow.testinfra.TestServersSettings.PostgresMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestServersSettingsTest {

    @Test
    void defaultsNeedNoConfigurationAtAll() {
        TestServersSettings settings = TestServersSettings.from(Map.of("bankflow.root", "/repo")::get, name -> null);

        assertThat(settings.root()).isEqualTo(Path.of("/repo"));
        assertThat(settings.postgresMode()).isEqualTo(PostgresMode.AUTO);
        assertThat(settings.postgresAdminUrl()).isNull();
        assertThat(settings.staleDatabaseAge()).isEqualTo(Duration.ofHours(6));
        assertThat(settings.kafkaBootstrap()).isNull();
        assertThat(settings.registryUrl()).isNull();
        assertThat(settings.registryStartTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.issuerStartTimeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void systemPropertiesWinOverEnvironmentVariables() {
        TestServersSettings settings = TestServersSettings.from(
                Map.of("bankflow.test.pg", "embedded", "bankflow.test.kafka.bootstrap", "k1:9092")::get,
                Map.of("BANKFLOW_TEST_PG", "server", "BANKFLOW_TEST_KAFKA_BOOTSTRAP", "k2:9092")::get);

        assertThat(settings.postgresMode()).isEqualTo(PostgresMode.EMBEDDED);
        assertThat(settings.kafkaBootstrap()).isEqualTo("k1:9092");
    }

    @Test
    void readsServersToUseInsteadFromTheEnvironment() {
        TestServersSettings settings = TestServersSettings.from(
                name -> null,
                Map.of(
                        "BANKFLOW_TEST_PG_URL", "jdbc:postgresql://pg:5432/postgres",
                        "BANKFLOW_TEST_REGISTRY_URL", "http://registry:8081",
                        "BANKFLOW_ROOT", "/checkout")::get);

        assertThat(settings.postgresAdminUrl()).isEqualTo("jdbc:postgresql://pg:5432/postgres");
        assertThat(settings.registryUrl()).isEqualTo("http://registry:8081");
        assertThat(settings.root()).isEqualTo(Path.of("/checkout"));
    }

    @Test
    void rejectsAnUnknownPostgresModeNamingTheChoices() {
        assertThatThrownBy(() -> TestServersSettings.from(Map.of("bankflow.test.pg", "h2")::get, name -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auto, server, embedded")
                .hasMessageContaining("'h2'");
    }

    @Test
    void rejectsATimeoutThatIsNotAnIsoDuration() {
        assertThatThrownBy(() -> TestServersSettings.from(
                        Map.of("bankflow.test.registry.start-timeout", "90")::get, name -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bankflow.test.registry.start-timeout")
                .hasMessageContaining("PT90S");
    }
}
