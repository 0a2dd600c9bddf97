package io.bankflow.avroserde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bankflow.avroserde.test.PaymentReceived;
import io.bankflow.avroserde.test.Ping;
import io.bankflow.events.common.EventMetadata;
import io.bankflow.events.common.Money;
import io.bankflow.events.sync.StatementFetched;
import io.bankflow.events.sync.StatementLine;
import io.bankflow.events.sync.StatementLineStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * Decoding with the writer schema given: no registry. Looking the writer schema up by id (and failing to) is covered by
 * {@code ConfluentAvroSerdeIT} against a real registry.
 */
class ConfluentAvroDeserializerTest {

    private static final byte[] GOLDEN_PING =
            HexFormat.of().parseHex("00" + "01020304" + "8101" + "046869" + "00" + "d804");

    private final ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer();

    @Test
    void readsHandWrittenWireFormatBytesIntoTheGeneratedClass() {
        assertThat(deserializer.decode("pings", GOLDEN_PING, Ping.getClassSchema()))
                .isEqualTo(Ping.newBuilder()
                        .setCount(-65)
                        .setNote("hi")
                        .setTag(null)
                        .setTotal(300)
                        .build());
    }

    @Test
    void readsATombstoneAsNullWithoutNeedingARegistry() {
        assertThat(deserializer.deserialize("pings", null)).isNull();
    }

    @Test
    void checksTheFrameBeforeDecoding() {
        assertThatThrownBy(() -> deserializer.decode("pings", new byte[] {0, 0, 0}, Ping.getClassSchema()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("3 bytes long");
        assertThatThrownBy(() -> deserializer.decode("pings", new byte[] {1, 0, 0, 0, 1}, Ping.getClassSchema()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown magic byte 0x01");
    }

    @Test
    void rejectsATruncatedRecord() {
        byte[] truncated = Arrays.copyOf(GOLDEN_PING, GOLDEN_PING.length - 1);

        assertThatThrownBy(() -> deserializer.decode("pings", truncated, Ping.getClassSchema()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic pings with schema id 16909060 (io.bankflow.avroserde.test.Ping)");
    }

    @Test
    void rejectsBytesLeftOverAfterTheRecord() {
        byte[] longer = Arrays.copyOf(GOLDEN_PING, GOLDEN_PING.length + 2);

        assertThatThrownBy(() -> deserializer.decode("pings", longer, Ping.getClassSchema()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic pings with schema id 16909060")
                .hasMessageContaining("bytes are left over");
    }

    @Test
    void rejectsAWriterSchemaWithoutAGeneratedClass() {
        Schema unknown = new Schema.Parser().parse("""
                {"type": "record", "name": "Unknown", "namespace": "com.example", "fields": []}""");

        assertThatThrownBy(() -> deserializer.decode("t", new byte[] {0, 0, 0, 0, 9}, unknown))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 9")
                .hasMessageContaining("com.example.Unknown")
                .hasMessageContaining("no generated Avro class");
    }

    @Test
    void readsBytesWrittenWithAnOlderWriterSchemaIntoTheNewerClass() {
        // Version 1 had no reference: paymentId "p-1" (length zigzag 6, then UTF-8), cents 1250 (zigzag 2500 = c4 13).
        byte[] written = HexFormat.of().parseHex("00" + "00000009" + "06702d31" + "c413");

        assertThat(deserializer.decode("payments", written, PaymentReceivedV1.SCHEMA))
                .isEqualTo(PaymentReceived.newBuilder()
                        .setPaymentId("p-1")
                        .setCents(1250)
                        .setReference(null)
                        .build());
    }

    @Test
    void aReceivedEventEqualsTheSentOneEvenWithDatesInsideArrays() {
        StatementFetched sent = StatementFetched.newBuilder()
                .setMetadata(EventMetadata.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(Instant.parse("2025-04-01T06:00:00Z"))
                        .setOrgId("org-1")
                        .setCorrelationId("c-1")
                        .build())
                .setJobId("job-1")
                .setConnectionId("con-1")
                .setAccountId("acc-1")
                .setProvider("sandbox-bank")
                .setLines(List.of(StatementLine.newBuilder()
                        .setLineId("line-1")
                        .setStatus(StatementLineStatus.BOOKED)
                        .setBookingDate(LocalDate.of(2025, 3, 31))
                        .setAmount(new Money(new BigDecimal("100.000000"), "NOK"))
                        .build()))
                .build();
        byte[] bytes = new ConfluentAvroSerializer().encode("statements", 1, sent);

        assertThat(deserializer.decode("statements", bytes, StatementFetched.getClassSchema()))
                .isEqualTo(sent);
    }

    @Test
    void refusesToDeserializeBeforeItIsConfigured() {
        assertThatThrownBy(() -> deserializer.deserialize("pings", GOLDEN_PING))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema.registry.url");
    }
}
