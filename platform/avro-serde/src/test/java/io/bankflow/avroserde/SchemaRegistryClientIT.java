package io.bankflow.avroserde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bankflow.avroserde.test.Ping;
import io.bankflow.testinfra.TestRegistry;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registry client against a real Apicurio Registry (Confluent-compatible API). Each test uses its own subject,
 * because the registry is shared and outlives the test run.
 */
class SchemaRegistryClientIT {

    private final String registryUrl = TestRegistry.ccompatUrl();
    private final RawRegistryApi registryApi = new RawRegistryApi(registryUrl);
    private final String subject = "bankflow.avroserde-client-it-" + UUID.randomUUID() + ".v1-value";
    private final SchemaRegistryClient client = SchemaRegistryClient.create(Map.of("schema.registry.url", registryUrl));

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void remembersTheIdOfASchemaUnderASubjectForTheLifeOfTheClient() {
        Schema schema = Ping.getClassSchema();
        int id = client.register(subject, schema);

        // The registry forgets the subject; this client does not ask again, a new one does and is told.
        registryApi.deleteSubject(subject);

        assertThat(client.lookUp(subject, schema)).isEqualTo(id);
        assertThat(client.register(subject, schema)).isEqualTo(id);
        assertThat(registryApi.subjects()).doesNotContain(subject);
        try (var fresh = SchemaRegistryClient.create(Map.of("schema.registry.url", registryUrl))) {
            assertThatThrownBy(() -> fresh.lookUp(subject, schema))
                    .isInstanceOfSatisfying(
                            SchemaRegistryException.class,
                            e -> assertThat(e.isNotFound()).isTrue())
                    .hasMessageContaining("POST /subjects/" + subject);
        }
    }

    @Test
    void knowsWhatAnIdMeansOnceItHasRegisteredTheSchemaWithoutAskingForIt() {
        Schema schema = RawRegistryApi.uniquePingSchema();
        int id = client.register(subject, schema);

        // Deleted for good before anyone asked for the id, the registry forgets it (checked below with a new client).
        registryApi.deleteSubjectPermanently(subject);

        assertThat(client.schemaById(id)).isEqualTo(schema);
        try (var fresh = SchemaRegistryClient.create(Map.of("schema.registry.url", registryUrl))) {
            assertThatThrownBy(() -> fresh.schemaById(id))
                    .isInstanceOfSatisfying(
                            SchemaRegistryException.class,
                            e -> assertThat(e.isNotFound()).isTrue())
                    .hasMessageContaining("GET /schemas/ids/" + id);
        }
    }

    @Test
    void theRegistryRejectsABreakingChangeAndTheErrorSaysWhere() {
        client.register(subject, PaymentReceivedV1.SCHEMA);
        client.setCompatibility(subject, "BACKWARD");
        Schema breaking = new Schema.Parser().parse("""
                {"type": "record", "name": "PaymentReceived", "namespace": "io.bankflow.avroserde.test",
                 "fields": [
                   {"name": "paymentId", "type": "string"},
                   {"name": "cents", "type": "long"},
                   {"name": "payer", "type": "string"}
                 ]}""");

        assertThatThrownBy(() -> client.register(subject, breaking))
                .isInstanceOfSatisfying(
                        SchemaRegistryException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(409))
                .hasMessageContaining(registryUrl)
                .hasMessageContaining("POST /subjects/" + subject + "/versions");
    }

    @Test
    void registryErrorsNameTheRequestAndStatusButNeverTheCredentials() {
        String secret = "it-s3cret-" + UUID.randomUUID();
        try (var authenticated = SchemaRegistryClient.create(Map.of(
                "schema.registry.url",
                registryUrl,
                "basic.auth.credentials.source",
                "USER_INFO",
                "basic.auth.user.info",
                "bankflow:" + secret))) {

            assertThatThrownBy(() -> authenticated.schemaById(Integer.MAX_VALUE))
                    .isInstanceOfSatisfying(
                            SchemaRegistryException.class,
                            e -> assertThat(e.isNotFound()).isTrue())
                    .hasMessageContaining(registryUrl)
                    .hasMessageContaining("GET /schemas/ids/" + Integer.MAX_VALUE)
                    .hasMessageContaining("HTTP 404")
                    .hasMessageNotContaining(secret);
        }
    }
}
