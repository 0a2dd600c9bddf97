package io.bankflow.avroserde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AvroSerdeConfigTest {

    private static final String URL = "http://127.0.0.1:18681/apis/ccompat/v7";
    private static final String PASSWORD = "pa55-w0rd:with-colon";

    @Test
    void defaultsToRegisteringUnderTheTopicNameWithoutCredentials() {
        AvroSerdeConfig config = AvroSerdeConfig.of(URL);

        assertThat(config.registryUrls()).containsExactly(URI.create(URL));
        assertThat(config.autoRegisterSchemas()).isTrue();
        assertThat(config.credentials()).isNull();
        assertThat(config.subjectNameStrategy(false)).isEqualTo(SubjectNameStrategy.TOPIC_NAME);
        assertThat(config.subjectNameStrategy(true)).isEqualTo(SubjectNameStrategy.TOPIC_NAME);
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void requiresTheRegistryUrl() {
        assertThatThrownBy(() -> AvroSerdeConfig.from(Map.of("bootstrap.servers", "x:9092")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void acceptsSeveralUrlsAndDropsTrailingSlashes() {
        AvroSerdeConfig config = AvroSerdeConfig.of(" http://a:1/apis/ccompat/v7/ , https://b/apis/ccompat/v7");

        assertThat(config.registryUrls())
                .containsExactly(URI.create("http://a:1/apis/ccompat/v7"), URI.create("https://b/apis/ccompat/v7"));
        assertThat(AvroSerdeConfig.from(Map.of("schema.registry.url", List.of("http://a", "http://b")))
                        .registryUrls())
                .hasSize(2);
    }

    @Test
    void rejectsAUrlThatIsNotHttp() {
        assertThatThrownBy(() -> AvroSerdeConfig.of("localhost:8081"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("absolute http or https URL");
    }

    @Test
    void readsConfluentStyleUserInfoCredentials() {
        AvroSerdeConfig config = AvroSerdeConfig.from(Map.of(
                "schema.registry.url",
                URL,
                "basic.auth.credentials.source",
                "USER_INFO",
                "basic.auth.user.info",
                "bankflow:" + PASSWORD));

        assertThat(config.credentials()).isEqualTo(BasicCredentials.parse("bankflow:" + PASSWORD));
        assertThat(config.credentials().user()).isEqualTo("bankflow");
    }

    @Test
    void takesUserInfoAloneAsUserInfoCredentials() {
        AvroSerdeConfig config =
                AvroSerdeConfig.from(Map.of("schema.registry.url", URL, "basic.auth.user.info", "u:p"));

        assertThat(config.credentials()).isEqualTo(BasicCredentials.parse("u:p"));
    }

    @Test
    void takesCredentialsFromTheUrlAndKeepsThemOutOfIt() {
        AvroSerdeConfig config = AvroSerdeConfig.from(Map.of(
                "schema.registry.url", "http://bankflow:s3cr%40t@127.0.0.1:18681/apis/ccompat/v7",
                "basic.auth.credentials.source", "URL"));

        assertThat(config.credentials()).isEqualTo(BasicCredentials.parse("bankflow:s3cr@t"));
        assertThat(config.registryUrls()).containsExactly(URI.create(URL));
    }

    @Test
    void requiresUserInfoWhenTheSourceIsUserInfo() {
        assertThatThrownBy(() -> AvroSerdeConfig.from(
                        Map.of("schema.registry.url", URL, "basic.auth.credentials.source", "USER_INFO")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.user.info");
    }

    @Test
    void rejectsACredentialsSourceItCannotHonour() {
        assertThatThrownBy(() -> AvroSerdeConfig.from(
                        Map.of("schema.registry.url", URL, "basic.auth.credentials.source", "SASL_INHERIT")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SASL_INHERIT");
    }

    @Test
    void neverShowsCredentialsInToStringOrErrors() {
        AvroSerdeConfig config = AvroSerdeConfig.from(
                Map.of("schema.registry.url", URL, "basic.auth.user.info", "bankflow:" + PASSWORD));

        assertThat(config.toString()).contains("bankflow").doesNotContain(PASSWORD);
        assertThat(config.credentials().toString()).doesNotContain(PASSWORD);
        assertThatThrownBy(() -> AvroSerdeConfig.from(
                        Map.of("schema.registry.url", URL, "basic.auth.user.info", "only-a-s3cret-no-colon")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("user:password")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> AvroSerdeConfig.of("ftp://bankflow:" + PASSWORD + "@host/x"))
                .isInstanceOf(ConfigException.class)
                .hasMessageNotContaining("pa55");
    }

    @Test
    void readsAutoRegisterTimeoutsAndStrategiesAsKafkaPassesThem() {
        AvroSerdeConfig config = AvroSerdeConfig.from(Map.of(
                "schema.registry.url",
                URL,
                "auto.register.schemas",
                false,
                "key.subject.name.strategy",
                "RecordNameStrategy",
                "value.subject.name.strategy",
                "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy",
                "srclient.http.connect.timeout.ms",
                1500,
                "schema.registry.srclient.http.read.timeout.ms",
                "2500"));

        assertThat(config.autoRegisterSchemas()).isFalse();
        assertThat(config.keySubjectNameStrategy()).isEqualTo(SubjectNameStrategy.RECORD_NAME);
        assertThat(config.valueSubjectNameStrategy()).isEqualTo(SubjectNameStrategy.TOPIC_RECORD_NAME);
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void rejectsAnAutoRegisterValueThatIsNotABoolean() {
        assertThatThrownBy(
                        () -> AvroSerdeConfig.from(Map.of("schema.registry.url", URL, "auto.register.schemas", "yes")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("auto.register.schemas");
    }
}
