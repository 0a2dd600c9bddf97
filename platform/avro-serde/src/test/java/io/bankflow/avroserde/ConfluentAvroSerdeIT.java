package io.bankflow.avroserde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bankflow.avroserde.test.PaymentReceived;
import io.bankflow.avroserde.test.Ping;
import io.bankflow.events.common.EventMetadata;
import io.bankflow.events.common.Money;
import io.bankflow.events.sync.Balance;
import io.bankflow.events.sync.StatementFetched;
import io.bankflow.events.sync.StatementLine;
import io.bankflow.events.sync.StatementLineStatus;
import io.bankflow.testinfra.TestRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The serde against a real Apicurio Registry through its Confluent-compatible API, configured exactly as Kafka
 * configures it: plain client properties. Each test uses its own topic, because the registry outlives the test run and
 * is shared; "the subjects of this topic" are therefore the registry's subjects that start with the topic's name. What
 * the registry holds is asked with a plain HTTP client ({@link RawRegistryApi}), not ours.
 */
class ConfluentAvroSerdeIT {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    /** {@link #goldenPing()} in Avro binary, written out by hand in {@code ConfluentAvroSerializerTest}. */
    private static final String GOLDEN_PING_AVRO = "81 01 04 68 69 00 d8 04";

    private final String registryUrl = TestRegistry.ccompatUrl();
    private final RawRegistryApi registryApi = new RawRegistryApi(registryUrl);
    private final String topic = "bankflow.avroserde-it-" + UUID.randomUUID() + ".v1";
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private ConfluentAvroSerializer serializer;
    private ConfluentAvroDeserializer deserializer;
    private SchemaRegistryClient client;

    @BeforeEach
    void configure() {
        serializer = serializer(Map.of(), false);
        deserializer = new ConfluentAvroDeserializer();
        toClose.add(deserializer);
        deserializer.configure(Map.of("schema.registry.url", registryUrl), false);
        client = SchemaRegistryClient.create(Map.of("schema.registry.url", registryUrl));
        toClose.add(client);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    @Test
    void writesExactlyTheMagicByteThenTheIdTheRegistryAssignedThenTheAvroBinary() {
        byte[] bytes = serializer.serialize(topic, goldenPing());

        int id = registryApi.latestId(topic + "-value");
        assertThat(HEX.formatHex(bytes)).isEqualTo("00 " + bigEndian(id) + " " + GOLDEN_PING_AVRO);
    }

    @Test
    void readsHandWrittenBytesFramedWithTheIdTheRegistryAssigned() {
        int id = client.register(topic + "-value", Ping.getClassSchema());
        byte[] handWritten = HEX.parseHex("00 " + bigEndian(id) + " " + GOLDEN_PING_AVRO);

        assertThat(deserializer.deserialize(topic, handWritten)).isEqualTo(goldenPing());
    }

    @Test
    void registersSerializesAndDeserializesAnEventThroughTheRealRegistry() {
        StatementFetched sent = statementFetched();

        byte[] bytes = serializer.serialize(topic, sent);

        assertThat(bytes[0]).isEqualTo(ConfluentWireFormat.MAGIC_BYTE);
        assertThat(subjectsOfTopic()).containsExactly(topic + "-value");
        assertThat(deserializer.deserialize(topic, bytes)).isEqualTo(sent);
    }

    @Test
    void theIdInBytesOneToFourResolvesToTheEventSchemaThroughTheRegistryApi() {
        byte[] bytes = serializer.serialize(topic, statementFetched());
        int id = ConfluentWireFormat.schemaId(bytes, topic);

        Schema registered = new Schema.Parser().parse(registryApi.schemaText(id));
        assertThat(SchemaNormalization.parsingFingerprint64(registered))
                .isEqualTo(SchemaNormalization.parsingFingerprint64(StatementFetched.getClassSchema()));
    }

    @Test
    void registersValuesUnderTheTopicValueSubjectByDefault() {
        byte[] bytes = serializer.serialize(topic, goldenPing());

        assertThat(subjectsOfTopic()).containsExactly(topic + "-value");
        assertThat(ConfluentWireFormat.schemaId(bytes, topic)).isEqualTo(registryApi.latestId(topic + "-value"));
    }

    @Test
    void registersKeysUnderTheTopicKeySubject() {
        var keys = serializer(Map.of(), true);

        byte[] bytes = keys.serialize(topic, goldenPing());

        assertThat(subjectsOfTopic()).containsExactly(topic + "-key");
        assertThat(ConfluentWireFormat.schemaId(bytes, topic)).isEqualTo(registryApi.latestId(topic + "-key"));
    }

    @Test
    void honoursAConfiguredConfluentSubjectNameStrategy() {
        var topicRecordNamed = serializer(
                Map.of(
                        AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                        "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"),
                false);
        String subject = topic + "-io.bankflow.avroserde.test.Ping";

        byte[] bytes = topicRecordNamed.serialize(topic, goldenPing());

        assertThat(subjectsOfTopic()).containsExactly(subject);
        assertThat(ConfluentWireFormat.schemaId(bytes, topic)).isEqualTo(registryApi.latestId(subject));
    }

    @Test
    void withAutoRegisterOffRefusesAnUnregisteredSchemaAndUsesARegisteredOne() {
        var lookingUp = serializer(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);

        assertThatThrownBy(() -> lookingUp.serialize(topic, statementFetched()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("io.bankflow.events.sync.StatementFetched is not registered")
                .hasMessageContaining("subject '" + topic + "-value'")
                .hasMessageContaining("auto.register.schemas is false")
                .hasMessageContaining(registryUrl);
        assertThat(subjectsOfTopic()).isEmpty();

        int id = client.register(topic + "-value", StatementFetched.getClassSchema());
        assertThat(ConfluentWireFormat.schemaId(lookingUp.serialize(topic, statementFetched()), topic))
                .isEqualTo(id);
        assertThat(subjectsOfTopic()).containsExactly(topic + "-value");
    }

    @Test
    void aConsumerWithTheNewerSchemaReadsDataWrittenWithTheOlderOne() {
        String subject = topic + "-value";
        byte[] oldData = serializer.serialize(topic, new PaymentReceivedV1("p-1", 1250));
        assertThat(client.setCompatibility(subject, "BACKWARD")).isEqualTo("BACKWARD");
        PaymentReceived newer = PaymentReceived.newBuilder()
                .setPaymentId("p-2")
                .setCents(99)
                .setReference("RF18539007547034")
                .build();
        byte[] newData = serializer.serialize(topic, newer);

        assertThat(ConfluentWireFormat.schemaId(newData, topic))
                .isNotEqualTo(ConfluentWireFormat.schemaId(oldData, topic));
        assertThat(deserializer.deserialize(topic, oldData))
                .isEqualTo(PaymentReceived.newBuilder()
                        .setPaymentId("p-1")
                        .setCents(1250)
                        .setReference(null)
                        .build());
        assertThat(deserializer.deserialize(topic, newData)).isEqualTo(newer);
    }

    @Test
    void aDeserializerMeetingAnUnknownIdSaysSoAndNamesTheRegistry() {
        byte[] unknownId = HEX.parseHex("00 7f ff ff ff " + GOLDEN_PING_AVRO);

        assertThatThrownBy(() -> deserializer.deserialize(topic, unknownId))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic " + topic)
                .hasMessageContaining(
                        "schema id " + Integer.MAX_VALUE + " is unknown to schema registry [" + registryUrl + "]");
    }

    private ConfluentAvroSerializer serializer(Map<String, String> extraConfig, boolean isKey) {
        Map<String, String> config = new HashMap<>(extraConfig);
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        var configured = new ConfluentAvroSerializer();
        configured.configure(config, isKey);
        toClose.add(configured);
        return configured;
    }

    /** The registry's subjects that belong to this test's topic (the registry is shared). */
    private List<String> subjectsOfTopic() {
        return registryApi.subjects().stream()
                .filter(subject -> subject.startsWith(topic))
                .toList();
    }

    /** The id as four hex bytes, most significant first, written independently of the code under test. */
    private static String bigEndian(int id) {
        return HEX.formatHex(HexFormat.of().parseHex("%08x".formatted(id)));
    }

    private static Ping goldenPing() {
        return Ping.newBuilder()
                .setCount(-65)
                .setNote("hi")
                .setTag(null)
                .setTotal(300)
                .build();
    }

    private static StatementFetched statementFetched() {
        return StatementFetched.newBuilder()
                .setMetadata(EventMetadata.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(Instant.parse("2025-04-01T06:00:00.123Z"))
                        .setOrgId("org-it")
                        .setCorrelationId(UUID.randomUUID().toString())
                        .build())
                .setJobId(UUID.randomUUID().toString())
                .setConnectionId(UUID.randomUUID().toString())
                .setAccountId(UUID.randomUUID().toString())
                .setProvider("sandbox-bank")
                .setLines(List.of(
                        StatementLine.newBuilder()
                                .setLineId(UUID.randomUUID().toString())
                                .setStatus(StatementLineStatus.BOOKED)
                                .setBookingDate(LocalDate.of(2025, 3, 31))
                                .setValueDate(LocalDate.of(2025, 3, 31))
                                .setAmount(new Money(new BigDecimal("1500.250000"), "NOK"))
                                .setRemittanceInformation("CUS00001234 invoice 42")
                                .build(),
                        StatementLine.newBuilder()
                                .setLineId(UUID.randomUUID().toString())
                                .setStatus(StatementLineStatus.PENDING)
                                .setAmount(new Money(new BigDecimal("-20.000000"), "NOK"))
                                .build()))
                .setClosingBalance(Balance.newBuilder()
                        .setAmount(new Money(new BigDecimal("10000.000000"), "NOK"))
                        .setDate(LocalDate.of(2025, 3, 31))
                        .setBalanceType("closingBooked")
                        .build())
                .build();
    }
}
